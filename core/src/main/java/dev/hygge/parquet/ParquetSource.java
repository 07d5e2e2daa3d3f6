package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.storage.InputObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * One Parquet file to read, on local disk or in an object store.
 *
 * @param name the file as messages name it
 * @param file how parquet-mr opens it
 */
public record ParquetSource(String name, InputFile file) {
  public ParquetSource {
    requireNonNull(name, "name is null");
    requireNonNull(file, "file is null");
  }

  /** A local file, read through a file channel in bulk. */
  public static ParquetSource local(Path path) {
    return new ParquetSource(path.toString(), new ChannelInputFile(path));
  }

  /** An object, read by ranges. */
  public static ParquetSource object(InputObject object) {
    return new ParquetSource(object.location().toString(), new ObjectInputFile(object, -1));
  }

  /** An object whose length a listing already gave, read by ranges. */
  public static ParquetSource object(InputObject object, long length) {
    return new ParquetSource(object.location().toString(), new ObjectInputFile(object, length));
  }

  /** The file's path when it is on local disk; empty for an object in an object store. */
  public Optional<Path> localPath() {
    return file instanceof ChannelInputFile local ? Optional.of(local.path()) : Optional.empty();
  }

  @Override
  public String toString() {
    return name;
  }

  /** A local file opened as a {@link FileChannelInput}. */
  private record ChannelInputFile(Path path) implements InputFile {
    @Override
    public long getLength() throws IOException {
      return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      return new FileChannelInput(path);
    }
  }
}
