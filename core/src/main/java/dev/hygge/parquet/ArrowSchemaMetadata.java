package dev.hygge.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Base64;
import java.util.Optional;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Arrow schema stored in a Parquet footer under {@code ARROW:schema}, as Arrow C++ and pyarrow
 * store it: base64 of an IPC schema message.
 */
final class ArrowSchemaMetadata {
  static final String KEY = "ARROW:schema";
  private static final Logger LOG = LoggerFactory.getLogger(ArrowSchemaMetadata.class);

  private ArrowSchemaMetadata() {}

  static String encode(Schema schema) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (WriteChannel channel = new WriteChannel(Channels.newChannel(bytes))) {
      MessageSerializer.serialize(channel, schema);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize Arrow schema " + schema, e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /** The decoded schema, or empty when the value is not a readable Arrow schema message. */
  static Optional<Schema> decode(String value) {
    try {
      byte[] bytes = Base64.getDecoder().decode(value);
      try (ReadChannel channel =
          new ReadChannel(Channels.newChannel(new ByteArrayInputStream(bytes)))) {
        return Optional.ofNullable(MessageSerializer.deserializeSchema(channel));
      }
    } catch (IOException | RuntimeException e) {
      // A foreign or damaged ARROW:schema only costs type fidelity: the Parquet schema still maps.
      LOG.warn(
          "Ignoring unreadable {} footer entry; mapping types from the Parquet schema", KEY, e);
      return Optional.empty();
    }
  }
}
