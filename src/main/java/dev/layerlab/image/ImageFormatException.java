package dev.layerlab.image;

/**
 * Bad input in a layer tar, an image archive or an OCI layout: the message is one line naming
 * the problem, in Docker's words where Docker has words for it (e.g. {@code unexpected EOF}).
 * Whatever raised it has kept nothing of the input.
 */
public final class ImageFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ImageFormatException(String message) {
    super(message, null, false, false);
  }

  public ImageFormatException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
