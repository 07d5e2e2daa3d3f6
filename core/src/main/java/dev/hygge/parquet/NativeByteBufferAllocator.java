package dev.hygge.parquet;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Gives parquet-mr native (off-heap) buffers for its large, short-lived data (the column chunks of
 * the row group being read, the pages of the row group being written), freed as soon as parquet-mr
 * releases them, and all at {@link #close} at the latest.
 *
 * <p>On the Java heap these buffers outlive a young collection, are promoted and force a full
 * collection every few row groups; here they cost one malloc and one free each. Owned by one reader
 * or writer; synchronized because parquet-mr may release from another thread than it allocated on.
 */
final class NativeByteBufferAllocator implements ByteBufferAllocator, AutoCloseable {
  private final Map<ByteBuffer, Long> addresses = new IdentityHashMap<>();
  private boolean closed;

  @Override
  public synchronized ByteBuffer allocate(int size) {
    if (closed) {
      throw new IllegalStateException("allocator is closed");
    }
    long address = MemoryUtil.allocateMemory(Math.max(size, 1));
    ByteBuffer buffer = MemoryUtil.directBuffer(address, size);
    addresses.put(buffer, address);
    return buffer;
  }

  /** Frees {@code buffer}; a buffer this allocator did not give (or already freed) is ignored. */
  @Override
  public synchronized void release(ByteBuffer buffer) {
    Long address = addresses.remove(buffer);
    if (address != null) {
      MemoryUtil.freeMemory(address);
    }
  }

  @Override
  public boolean isDirect() {
    return true;
  }

  /** Native bytes allocated and not yet released. */
  synchronized long allocatedBytes() {
    return addresses.keySet().stream().mapToLong(ByteBuffer::capacity).sum();
  }

  /** Frees every buffer not released yet; parquet-mr must not use any of them afterwards. */
  @Override
  public synchronized void close() {
    closed = true;
    addresses.values().forEach(MemoryUtil::freeMemory);
    addresses.clear();
  }
}
