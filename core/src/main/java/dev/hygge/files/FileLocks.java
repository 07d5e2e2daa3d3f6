package dev.hygge.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Exclusive locks on lock files, across processes (the operating system's file locks, released when
 * a process dies, even by {@code kill -9}) and across threads of this JVM (which file locks do not
 * separate).
 */
public final class FileLocks {
  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

  private FileLocks() {}

  /** A held lock; closing releases it. */
  public static final class Held implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Semaphore local;
    private boolean released;

    private Held(FileChannel channel, FileLock lock, Semaphore local) {
      this.channel = channel;
      this.lock = lock;
      this.local = local;
    }

    /** Releases the lock; later calls do nothing. */
    @Override
    public void close() throws IOException {
      if (released) {
        return;
      }
      released = true;
      try {
        lock.release();
        channel.close();
      } finally {
        local.release();
      }
    }
  }

  /** Waits for the lock on {@code file} (created if missing). */
  public static Held lock(Path file) throws IOException {
    Semaphore local = permit(file);
    local.acquireUninterruptibly();
    try {
      FileChannel channel = open(file);
      try {
        return new Held(channel, channel.lock(), local);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      local.release();
      throw e;
    }
  }

  /** The lock on {@code file} (created if missing), or empty when someone else holds it. */
  static Optional<Held> tryLock(Path file) throws IOException {
    Semaphore local = permit(file);
    if (!local.tryAcquire()) {
      return Optional.empty();
    }
    try {
      FileChannel channel = open(file);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        local.release();
        return Optional.empty();
      }
      return Optional.of(new Held(channel, lock, local));
    } catch (IOException | RuntimeException e) {
      local.release();
      throw e;
    }
  }

  /** The in-process permit of a lock file (a semaphore: the holder may release from any thread). */
  private static Semaphore permit(Path file) {
    return IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Semaphore(1));
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }
}
