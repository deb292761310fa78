package dev.layerlab.shell.util;

import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** User and group names from the /etc/passwd and /etc/group of the filesystem a command runs in. */
final class Accounts {
  private final Map<Integer, String> users;
  private final Map<Integer, String> groups;

  private Accounts(Map<Integer, String> users, Map<Integer, String> groups) {
    this.users = users;
    this.groups = groups;
  }

  static Accounts of(Vfs vfs) {
    return new Accounts(read(vfs, "/etc/passwd"), read(vfs, "/etc/group"));
  }

  private static Map<Integer, String> read(Vfs vfs, String path) {
    Map<Integer, String> out = new HashMap<>();
    try {
      for (String line : new String(vfs.read(path), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split(":");
        if (f.length >= 3) {
          try {
            out.putIfAbsent(Integer.parseInt(f[2]), f[0]);
          } catch (NumberFormatException e) {
            // a malformed line, as nss skips it
          }
        }
      }
    } catch (VfsException e) {
      return out;
    }
    return out;
  }

  /** The user name, or the number when there is none. */
  String user(int uid) {
    return users.getOrDefault(uid, Integer.toString(uid));
  }

  String group(int gid) {
    return groups.getOrDefault(gid, Integer.toString(gid));
  }

  /** The uid for a name or number, or -1. */
  int uid(String name) {
    return lookup(users, name);
  }

  int gid(String name) {
    return lookup(groups, name);
  }

  boolean hasUser(int uid) {
    return users.containsKey(uid);
  }

  boolean hasGroup(int gid) {
    return groups.containsKey(gid);
  }

  private static int lookup(Map<Integer, String> map, String name) {
    for (Map.Entry<Integer, String> e : map.entrySet()) {
      if (e.getValue().equals(name)) {
        return e.getKey();
      }
    }
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
