package dev.hygge.invoke.events;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blob an Azure event's {@code data.url} names: {@code
 * https://<account>.blob.core.windows.net/<container>/<path>} (or {@code .dfs.}, the same account
 * through the Data Lake endpoint) becomes {@code az://<container>/<path>} with the account. Path
 * style URLs of the Azurite emulator ({@code http://127.0.0.1:10000/<account>/<container>/...}) are
 * understood too.
 */
final class BlobUrls {
  private static final Pattern ACCOUNT_HOST =
      Pattern.compile("([a-z0-9]+)\\.(?:blob|dfs)\\.[A-Za-z0-9.-]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern PATH_STYLE_HOST =
      Pattern.compile("localhost|127\\.0\\.0\\.1|\\[::1\\]|host\\.docker\\.internal");
  private static final String EXPECTED =
      "expected https://<account>.blob.core.windows.net/<container>/<path>";

  private BlobUrls() {}

  /** The created blob, with what the event says about its version, size and time. */
  static CreatedObject created(
      String url,
      String path,
      String shape,
      Optional<String> eTag,
      OptionalLong size,
      Optional<Instant> time) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          path + " is '" + url + "' in the " + shape + ": not a URL (" + EXPECTED + ").",
          e);
    }
    String host = uri.getHost() == null ? "" : uri.getHost();
    // getPath() decodes percent escapes: blob names with spaces arrive as %20.
    String rest = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    String account;
    Matcher accountHost = ACCOUNT_HOST.matcher(host);
    if (accountHost.matches()) {
      account = accountHost.group(1);
    } else if (PATH_STYLE_HOST.matcher(host).matches() && rest.contains("/")) {
      account = rest.substring(0, rest.indexOf('/'));
      rest = rest.substring(rest.indexOf('/') + 1);
    } else {
      throw HyggeException.config(
          path
              + " is '"
              + url
              + "' in the "
              + shape
              + ": the host names no storage account ("
              + EXPECTED
              + ").");
    }
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw HyggeException.config(
          path
              + " is '"
              + url
              + "' in the "
              + shape
              + ": it names no container and blob ("
              + EXPECTED
              + ").");
    }
    return new CreatedObject(
        new Location(Location.AZ, rest.substring(0, slash), rest.substring(slash + 1)),
        Optional.of(account),
        eTag,
        size,
        time);
  }
}
