package dev.layerlab.engine;

import dev.layerlab.vfs.Credentials;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The user a container's process runs as, resolved the way Docker 18.06 resolves a USER or
 * {@code --user} value ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) against
 * the container's own /etc/passwd and /etc/group: a name must be in passwd, a number need not
 * be; without a group the user's primary group and the groups that list the user as a member.
 *
 * @param home the passwd entry's home directory, which becomes HOME when the environment lacks one
 */
public record ExecUser(int uid, int gid, List<Integer> groups, String home) {
  private static final long MAX_ID = Integer.MAX_VALUE;

  public ExecUser {
    groups = List.copyOf(groups);
  }

  /** What the filesystem checks: uid, gid and the supplementary groups. */
  public Credentials credentials() {
    return new Credentials(uid, gid, groups);
  }

  /**
   * Resolves {@code spec} in the filesystem {@code root}; an EngineException with the daemon's
   * words when a name is unknown ({@code linux spec user: unable to find user bob: no matching
   * entries in passwd file}).
   */
  public static ExecUser resolve(Vfs root, String spec) {
    int colon = spec.indexOf(':');
    String userArg = colon < 0 ? spec : spec.substring(0, colon);
    String groupArg = colon < 0 ? "" : spec.substring(colon + 1);
    Long uidArg = number(userArg);
    Long gidArg = number(groupArg);
    int uid = 0;
    int gid = 0;
    String home = "/";
    String matched = null;
    for (String[] f : entries(root, "/etc/passwd")) {
      boolean hit = userArg.isEmpty() ? id(f, 2) == 0 : uidArg != null ? uidArg == id(f, 2) : f[0].equals(userArg);
      if (hit) {
        matched = f[0];
        uid = id(f, 2);
        gid = id(f, 3);
        home = f.length > 5 ? f[5] : "";
        break;
      }
    }
    if (matched == null && !userArg.isEmpty()) {
      if (uidArg == null) {
        throw failed("unable to find user " + userArg + ": no matching entries in passwd file");
      }
      uid = checked(uidArg);
    }
    List<Integer> groups = new ArrayList<>();
    if (!groupArg.isEmpty() || matched != null) {
      boolean found = false;
      for (String[] f : entries(root, "/etc/group")) {
        if (groupArg.isEmpty()) {
          if (f.length > 3 && List.of(f[3].split(",")).contains(matched)) {
            groups.add(id(f, 2));
          }
        } else if (!found && (gidArg != null ? gidArg == id(f, 2) : f[0].equals(groupArg))) {
          gid = id(f, 2);
          found = true;
        }
      }
      if (!groupArg.isEmpty() && !found) {
        if (gidArg == null) {
          throw failed("unable to find group " + groupArg + ": no matching entries in group file");
        }
        gid = checked(gidArg);
      }
    }
    return new ExecUser(uid, gid, groups, home);
  }

  private static EngineException failed(String why) {
    return new EngineException(EngineException.Kind.FAILED, "linux spec user: " + why);
  }

  private static int checked(long id) {
    if (id < 0 || id > MAX_ID) {
      throw failed("uids and gids must be in range 0-" + MAX_ID);
    }
    return (int) id;
  }

  private static Long number(String s) {
    if (s.isEmpty() || !s.matches("[+-]?\\d+")) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A numeric field; one that is not a number counts as 0, as the C library's parser leaves it. */
  private static int id(String[] f, int i) {
    Long n = f.length > i ? number(f[i]) : null;
    return n == null ? 0 : (int) (long) n;
  }

  /** The colon-separated lines of a passwd-style file, blank lines skipped; none when it is missing. */
  private static List<String[]> entries(Vfs root, String path) {
    List<String[]> out = new ArrayList<>();
    String text;
    try {
      text = new String(root.read(path), StandardCharsets.UTF_8);
    } catch (VfsException e) {
      return out;
    }
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty()) {
        out.add(l.split(":", -1));
      }
    }
    return out;
  }
}
