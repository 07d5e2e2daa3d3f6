package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class NativeByteBufferAllocatorTest {
  @Test
  void givesDirectBuffersOfTheAskedSizeThatHoldData() {
    try (NativeByteBufferAllocator allocator = new NativeByteBufferAllocator()) {
      ByteBuffer buffer = allocator.allocate(1024);

      buffer.putLong(0, 0x0102030405060708L);
      buffer.put(1023, (byte) 7);

      assertThat(buffer.isDirect()).isTrue();
      assertThat(buffer.capacity()).isEqualTo(1024);
      assertThat(buffer.getLong(0)).isEqualTo(0x0102030405060708L);
      assertThat(buffer.get(1023)).isEqualTo((byte) 7);
      assertThat(allocator.isDirect()).isTrue();
    }
  }

  @Test
  void releaseFreesOnlyThatBufferAndIgnoresUnknownOrRepeatedReleases() {
    try (NativeByteBufferAllocator allocator = new NativeByteBufferAllocator()) {
      ByteBuffer first = allocator.allocate(100);
      allocator.allocate(50);

      allocator.release(first);
      allocator.release(first);
      allocator.release(ByteBuffer.allocate(10));

      assertThat(allocator.allocatedBytes()).isEqualTo(50);
    }
  }

  @Test
  void closeFreesEverythingAndRefusesNewBuffers() {
    NativeByteBufferAllocator allocator = new NativeByteBufferAllocator();
    allocator.allocate(100);
    allocator.allocate(0);

    allocator.close();

    assertThat(allocator.allocatedBytes()).isZero();
    assertThatThrownBy(() -> allocator.allocate(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("allocator is closed");
  }
}
