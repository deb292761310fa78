package dev.layerlab.ui;

/** {@code :quit}: leaves layerlab with the status of the last command, like {@code exit} without N. */
final class QuitCommand implements MetaCommand {

  @Override
  public String name() {
    return ":quit";
  }

  @Override
  public String summary(Messages messages) {
    return messages.get("meta.quit");
  }

  @Override
  public int run(String args, MetaContext context) {
    context.requestQuit();
    return context.lastStatus();
  }
}
