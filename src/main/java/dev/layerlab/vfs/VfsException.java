package dev.layerlab.vfs;

/**
 * A failed filesystem call: the errno the kernel would have returned and the path it concerned.
 *
 * <p>Unchecked, because every utility above turns it into the simulated tool's own message
 * (e.g. {@code ls: cannot access 'x': No such file or directory}) at one place.
 */
public final class VfsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Errno errno;
  private final String path;

  public VfsException(Errno errno, String path) {
    super(path + ": " + errno.message(), null, false, false);
    this.errno = errno;
    this.path = path;
  }

  public Errno errno() {
    return errno;
  }

  public String path() {
    return path;
  }

  /** The strerror text alone, as utilities print it after their own prefix. */
  public String reason() {
    return errno.message();
  }
}
