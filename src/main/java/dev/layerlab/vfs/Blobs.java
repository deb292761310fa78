package dev.layerlab.vfs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of regular files, kept in a Jimfs filesystem as one Jimfs file per content.
 *
 * <p>A content may be shared by several inodes (a copy made by {@link Vfs#copyContent}); it is
 * copied inside Jimfs only when one of them is written, so a whole-file copy costs nothing
 * until then.
 */
final class Blobs {
  /** 4 KiB blocks: small files (most of a rootfs) waste far less than with Jimfs's 8 KiB default. */
  private static final int BLOCK_SIZE = 4096;

  /** One content: a Jimfs file and the number of inodes sharing it. */
  static final class Blob {
    final Path path;
    int users = 1;

    Blob(Path path) {
      this.path = path;
    }
  }

  private final FileSystem fs;
  private final Path dir;
  private long next;

  Blobs() {
    this.fs =
        Jimfs.newFileSystem(
            Configuration.unix().toBuilder()
                .setBlockSize(BLOCK_SIZE)
                .setMaxSize(1L << 40)
                .setMaxCacheSize(64L << 20)
                .setAttributeViews("basic")
                .build());
    this.dir = fs.getPath("/c");
    try {
      Files.createDirectory(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Blob create() throws IOException {
    Path p = dir.resolve(Long.toString(next++, 36));
    Files.createFile(p);
    return new Blob(p);
  }

  byte[] read(Inode file) {
    if (file.blob == null) {
      return new byte[0];
    }
    try {
      return uninterrupted(() -> Files.readAllBytes(file.blob.path));
    } catch (IOException e) {
      throw new VfsException(Errno.EIO, file.blob.path.toString());
    }
  }

  /** Writes {@code data} at {@code offset}; with {@code truncate}, the file ends after it. */
  void write(Inode file, byte[] data, long offset, boolean truncate) {
    if (data.length == 0 && (!truncate || offset == 0)) {
      if (truncate) {
        release(file); // emptied: shared bytes stay with the other users
      }
      return; // an empty write changes no byte, so a shared content stays shared
    }
    try {
      if (file.blob == null) {
        if (data.length == 0) {
          return; // nothing to store: still empty
        }
        file.blob = create();
      } else {
        unshare(file);
      }
      file.size = uninterrupted(() -> {
        try (FileChannel ch = FileChannel.open(file.blob.path, StandardOpenOption.WRITE)) {
          if (truncate) {
            ch.truncate(offset);
          }
          ByteBuffer buf = ByteBuffer.wrap(data);
          long pos = offset;
          while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
          }
          return ch.size();
        }
      });
    } catch (IOException e) {
      throw new VfsException(Errno.ENOSPC, file.blob == null ? "" : file.blob.path.toString());
    }
  }

  /** Fills the still empty {@code file} with what {@code source} writes, straight into its blocks. */
  void write(Inode file, Vfs.Source source, String path) {
    try {
      file.blob = create();
      file.size = uninterrupted(() -> {
        try (FileChannel ch = FileChannel.open(file.blob.path, StandardOpenOption.WRITE)) {
          ch.truncate(0); // again from the start when an interrupt made us retry
          source.writeTo(java.nio.channels.Channels.newOutputStream(ch));
          return ch.size();
        }
      });
    } catch (IOException e) {
      release(file);
      throw new VfsException(Errno.EIO, path);
    }
  }

  /** Cuts or extends (with NUL bytes) to {@code size}. */
  void truncate(Inode file, long size) {
    if (size == file.size) {
      return;
    }
    if (size < file.size) {
      try {
        unshare(file);
        uninterrupted(() -> {
          try (FileChannel ch = FileChannel.open(file.blob.path, StandardOpenOption.WRITE)) {
            return ch.truncate(size);
          }
        });
        file.size = size;
      } catch (IOException e) {
        throw new VfsException(Errno.EIO, file.blob.path.toString());
      }
    } else {
      write(file, new byte[] {0}, size - 1, false);
    }
  }

  /** Lets {@code target} share {@code source}'s bytes until either is written. */
  void share(Inode source, Inode target) {
    release(target);
    if (source.blob != null) {
      source.blob.users++;
    }
    target.blob = source.blob;
    target.size = source.size;
  }

  /** Forgets a file's bytes (its last name is gone). */
  void release(Inode file) {
    Blob b = file.blob;
    file.blob = null;
    file.size = 0;
    if (b != null && --b.users == 0) {
      try {
        Files.delete(b.path);
      } catch (IOException e) {
        throw new VfsException(Errno.EIO, b.path.toString());
      }
    }
  }

  private void unshare(Inode file) throws IOException {
    Blob b = file.blob;
    if (b.users > 1) {
      Blob copy = create();
      uninterrupted(() -> Files.copy(b.path, copy.path, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
      b.users--;
      file.blob = copy;
    }
  }

  private interface IoCall<T> {
    T run() throws IOException;
  }

  /**
   * Runs a Jimfs channel call so that a thread interrupt (Ctrl-C on the command writing) cannot
   * leave a file half written: Jimfs channels close on interrupt, so the call is run with the
   * interrupt held back, and again whole if one arrives during it; the interrupt is kept for the
   * shell, which checks for it between commands.
   */
  private static <T> T uninterrupted(IoCall<T> call) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          return call.run();
        } catch (java.nio.channels.ClosedByInterruptException e) {
          interrupted |= Thread.interrupted();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
