package dev.hygge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The recorded cloud event payloads under {@code events/{aws,gcp,azure}/} on the test class path,
 * shaped as each cloud's documentation shows them; shared with the function modules through core's
 * test jar.
 */
public final class RecordedEvents {
  private RecordedEvents() {}

  /** The bytes of a recorded payload, e.g. {@code aws/sqs-batch.json}. */
  public static byte[] bytes(String name) {
    try (InputStream in = RecordedEvents.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "No recorded event events/" + name + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file of a recorded payload, when the class path is a directory (core's own tests). */
  public static Path file(String name) {
    URL url = RecordedEvents.class.getResource("/events/" + name);
    if (url == null) {
      throw new IllegalArgumentException("No recorded event events/" + name + " on the class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Recorded event " + name + " is not a file: " + url, e);
    }
  }
}
