package dev.layerlab.shell.util;

import dev.layerlab.shell.Editor;
import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;

/**
 * {@code nano FILE} (and {@code vi FILE}): edits a file of the current machine in the terminal's
 * editor. The file is read from and written back to the machine's filesystem, so editing a file
 * that comes from an image layer copies it up, as a real editor's write would.
 */
final class Nano implements Program {

  @Override
  public int run(ProgramContext ctx) {
    if (ctx.operands().size() != 1) {
      ctx.error("usage: " + ctx.name() + " FILE");
      return 1;
    }
    Editor editor = Editor.CURRENT.get();
    if (editor == null || !ctx.tty()) {
      ctx.error("an editor needs a terminal; write the file with a here-document instead:"
          + " cat > FILE <<'EOF' ... EOF");
      return 1;
    }
    Vfs vfs = ctx.vfs();
    String path = ctx.path(ctx.operands().get(0));
    byte[] before = new byte[0];
    try {
      Stat st = vfs.stat(path);
      if (st.isDirectory()) {
        throw new VfsException(Errno.EISDIR, path);
      }
      before = vfs.read(path);
    } catch (VfsException e) {
      if (e.errno() != Errno.ENOENT) {
        ctx.error(ctx.operands().get(0) + ": " + e.reason());
        return 1;
      }
    }
    byte[] after = editor.edit(VPaths.name(path), before);
    if (after == null) {
      return 0; // left without saving
    }
    try {
      vfs.write(path, after, Vfs.WriteMode.TRUNCATE, 0644);
    } catch (VfsException e) {
      ctx.error(ctx.operands().get(0) + ": " + e.reason());
      return 1;
    }
    return 0;
  }
}
