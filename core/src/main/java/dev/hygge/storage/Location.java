package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an object lives: {@code s3://bucket/prefix/key}, {@code gs://bucket/prefix/key}, {@code
 * abfss://container@account.dfs.core.windows.net/prefix/key} (ADLS Gen2 and OneLake), {@code
 * az://container/prefix/key} (Azure Blob, the account given by a setting), {@code
 * file:///absolute/path} or a local path (made absolute). For object stores the authority is the
 * bucket (or {@code container@host}) and the path is the key without a leading slash; for {@code
 * file} the authority is empty and the path is absolute.
 */
public record Location(String scheme, String authority, String path) {
  /** The scheme of local files. */
  public static final String FILE = "file";

  /** The scheme of Amazon S3 and S3-compatible services. */
  public static final String S3 = "s3";

  /** The scheme of Google Cloud Storage. */
  public static final String GS = "gs";

  /** The scheme of ADLS Gen2 and OneLake: {@code abfss://container@host/path}. */
  public static final String ABFSS = "abfss";

  /** The scheme of Azure Blob Storage: {@code az://container/path}. */
  public static final String AZ = "az";

  private static final Set<String> OBJECT_SCHEMES = Set.of(S3, GS, ABFSS, AZ);

  private static final String EXPECTED =
      "expected s3://bucket/key, gs://bucket/key, abfss://container@account.dfs.core.windows.net/key,"
          + " az://container/key, file:///absolute/path or a local path";
  private static final Pattern URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+):(.*)");
  private static final Pattern AUTHORITY_AND_PATH = Pattern.compile("//([^/]*)(/.*)?");

  public Location {
    requireNonNull(scheme, "scheme is null");
    requireNonNull(authority, "authority is null");
    requireNonNull(path, "path is null");
  }

  /**
   * Parses a location as a user wrote it.
   *
   * @throws HyggeException of kind CONFIG naming the text and what is expected when it is malformed
   */
  public static Location parse(String text) {
    requireNonNull(text, "text is null");
    if (text.isBlank()) {
      throw malformed(text, "it is empty");
    }
    Matcher url = URL.matcher(text);
    if (!url.matches()) {
      return local(text);
    }
    String scheme = url.group(1).toLowerCase(Locale.ROOT);
    Matcher rest = AUTHORITY_AND_PATH.matcher(url.group(2));
    if (!rest.matches()) {
      throw malformed(text, "'" + scheme + ":' must be followed by '//'");
    }
    String authority = rest.group(1);
    String path = rest.group(2) == null ? "" : rest.group(2);
    if (scheme.equals(FILE)) {
      if (!authority.isEmpty()) {
        throw malformed(text, "a file URL has no host, write file:///" + authority + path);
      }
      return local(path.isEmpty() ? "/" : path);
    }
    if (OBJECT_SCHEMES.contains(scheme)) {
      if (authority.isEmpty()) {
        throw malformed(text, "the " + container(scheme) + " is missing");
      }
      if (scheme.equals(ABFSS) && !authority.matches("[^@]+@[^@]+")) {
        throw malformed(
            text, "write the container and the host as container@account.dfs.core.windows.net");
      }
      return new Location(scheme, authority, path.isEmpty() ? "" : path.substring(1));
    }
    throw malformed(text, "scheme '" + scheme + "' is not supported");
  }

  /** The location of a local file or directory. */
  public static Location of(Path path) {
    return new Location(FILE, "", path.toAbsolutePath().normalize().toString());
  }

  /** This location with {@code name} appended after a {@code /}. */
  public Location resolve(String name) {
    requireNonNull(name, "name is null");
    if (path.isEmpty() || path.endsWith("/")) {
      return new Location(scheme, authority, path + name);
    }
    return new Location(scheme, authority, path + "/" + name);
  }

  @Override
  public String toString() {
    if (scheme.equals(FILE)) {
      return path;
    }
    return scheme + "://" + authority + "/" + path;
  }

  /** Whether this is a local file or directory. */
  public boolean isLocal() {
    return scheme.equals(FILE);
  }

  private static String container(String scheme) {
    return scheme.equals(S3) || scheme.equals(GS) ? "bucket" : "container";
  }

  private static Location local(String text) {
    try {
      return of(Path.of(text));
    } catch (InvalidPathException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Malformed location '" + text + "': " + e.getMessage() + " (" + EXPECTED + ")",
          e);
    }
  }

  private static HyggeException malformed(String text, String reason) {
    return HyggeException.config(
        "Malformed location '" + text + "': " + reason + " (" + EXPECTED + ")");
  }
}
