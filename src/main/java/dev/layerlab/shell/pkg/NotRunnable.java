package dev.layerlab.shell.pkg;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;

/** What an installed program layerlab has no simulation of does when run: says so plainly. */
final class NotRunnable implements Program {

  @Override
  public int run(ProgramContext ctx) {
    ctx.err().print(ctx.name() + ": layerlab cannot run " + ctx.name()
        + " (the package installed its files, but layerlab has no simulation of this program)\n");
    return 126;
  }
}
