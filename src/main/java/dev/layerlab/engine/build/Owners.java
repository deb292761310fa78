package dev.layerlab.engine.build;

import java.nio.charset.StandardCharsets;

/** {@code --chown=user:group}: numbers as they are, names looked up in the image's /etc/passwd and /etc/group. */
final class Owners {
  private Owners() {}

  static int[] resolve(CopyStep.Prefixed fs, String chown) {
    String[] ug = chown.split(":", 2);
    int uid = id(fs, "/etc/passwd", ug[0], "uid", "user");
    int gid = ug.length > 1 ? id(fs, "/etc/group", ug[1], "gid", "group") : uid;
    return new int[] {uid, gid};
  }

  private static int id(CopyStep.Prefixed fs, String file, String name, String what, String kind) {
    if (name.matches("\\d+")) {
      return Integer.parseInt(name);
    }
    String text = "";
    try {
      text = new String(fs.vfs.read(fs.abs(file)), StandardCharsets.UTF_8);
    } catch (dev.layerlab.vfs.VfsException e) {
      // no such file: the name cannot be found
    }
    for (String line : text.split("\n")) {
      String[] f = line.split(":");
      if (f.length > 2 && f[0].equals(name)) {
        return Integer.parseInt(f[2]);
      }
    }
    throw BuildException.step("unable to convert uid/gid chown string to host mapping: can't find " + what
        + " for " + kind + " " + name + ": no such " + kind + ": " + name);
  }
}
