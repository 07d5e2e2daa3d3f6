package dev.hygge.storage.azure;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small in-process fake of the ADLS Gen2 REST contract, for tests only: Azurite has no Data Lake
 * (dfs) API and there is no OneLake emulator. It keeps file systems in memory and answers, at
 * {@code http://127.0.0.1:PORT/ACCOUNT}, the requests the Data Lake SDK sends: Path Create ({@code
 * resource=file|directory}, {@code If-None-Match: *}), rename ({@code x-ms-rename-source}, the
 * destination's parent must exist), Path Update ({@code action=append|flush}), Path Delete, Path
 * List (recursive, paged with {@code maxResults} and {@code x-ms-continuation}), and the Blob
 * endpoint's Get Blob (with {@code x-ms-range}, {@code If-Match}) and Get Properties that the SDK
 * uses for reads, as documented; errors carry {@code x-ms-error-code}. {@link #throttle(int)} makes
 * the next requests answer {@code 503 ServerBusy}. Not modelled: ACLs, leases, SAS, OAuth.
 */
public final class FakeDataLake implements AutoCloseable {
  public static final String ACCOUNT = "fakeaccount";

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  /** A file or directory; a file's data becomes visible on flush. */
  private static final class Entry {
    final boolean directory;
    byte[] data = new byte[0];
    final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    String etag;
    String modified;

    Entry(boolean directory) {
      this.directory = directory;
    }
  }

  private final HttpServer server;
  private final Map<String, TreeMap<String, Entry>> fileSystems = new HashMap<>();
  private int requests;
  private int throttled;
  private long version;

  private FakeDataLake(HttpServer server) {
    this.server = server;
  }

  public static FakeDataLake start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeDataLake fake = new FakeDataLake(server);
    server.createContext("/", fake::handle);
    server.start();
    return fake;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + ACCOUNT);
  }

  public synchronized void createFileSystem(String name) {
    fileSystems.put(name, new TreeMap<>());
  }

  /** The next {@code count} requests answer {@code 503 ServerBusy}. */
  synchronized void throttle(int count) {
    throttled = count;
  }

  synchronized int requests() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      requests++;
      if (throttled > 0) {
        throttled--;
        error(exchange, 503, "ServerBusy", "The server is busy.");
        return;
      }
      String[] segments = exchange.getRequestURI().getRawPath().split("/", 4);
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      TreeMap<String, Entry> fileSystem = segments.length > 2 ? fileSystems.get(segments[2]) : null;
      if (fileSystem == null) {
        error(exchange, 404, "ContainerNotFound", "The specified container does not exist.");
      } else if (segments.length < 4 || segments[3].isEmpty()) {
        fileSystemRequest(exchange, fileSystem, query);
      } else {
        pathRequest(exchange, fileSystem, decode(segments[3]), query, body);
      }
    }
  }

  private void fileSystemRequest(
      HttpExchange exchange, TreeMap<String, Entry> fileSystem, Map<String, String> query)
      throws IOException {
    if (!exchange.getRequestMethod().equals("GET") || !"filesystem".equals(query.get("resource"))) {
      respond(exchange, 200, null);
      return;
    }
    String directory = query.get("directory");
    if (directory != null && !isDirectory(fileSystem, directory)) {
      error(exchange, 404, "PathNotFound", "The specified path does not exist.");
      return;
    }
    String prefix = directory == null ? "" : directory + "/";
    boolean recursive = "true".equals(query.get("recursive"));
    List<String> names = new ArrayList<>();
    for (String name : fileSystem.tailMap(prefix).keySet()) {
      if (!name.startsWith(prefix)) {
        break;
      }
      if (recursive || name.indexOf('/', prefix.length()) < 0) {
        names.add(name);
      }
    }
    int from = Integer.parseInt(query.getOrDefault("continuation", "0"));
    int to =
        Math.min(names.size(), from + Integer.parseInt(query.getOrDefault("maxresults", "5000")));
    StringBuilder json = new StringBuilder("{\"paths\":[");
    for (int i = from; i < to; i++) {
      Entry entry = fileSystem.get(names.get(i));
      json.append(i == from ? "" : ",")
          .append("{\"name\":\"")
          .append(names.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\",\"isDirectory\":\"")
          .append(entry.directory)
          .append("\",\"contentLength\":\"")
          .append(entry.data.length)
          .append("\",\"etag\":\"")
          .append(entry.etag.replace("\"", ""))
          .append("\",\"lastModified\":\"")
          .append(entry.modified)
          .append("\"}");
    }
    if (to < names.size()) {
      exchange.getResponseHeaders().add("x-ms-continuation", Integer.toString(to));
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    respond(exchange, 200, json.append("]}").toString().getBytes(UTF_8));
  }

  private void pathRequest(
      HttpExchange exchange,
      TreeMap<String, Entry> fileSystem,
      String path,
      Map<String, String> query,
      byte[] body)
      throws IOException {
    Headers headers = exchange.getRequestHeaders();
    Entry entry = fileSystem.get(path);
    String method = exchange.getRequestMethod();
    String ifMatch = headers.getFirst("If-Match");
    // The service takes ETags with or without their quotes.
    if (entry != null && ifMatch != null && !unquoted(ifMatch).equals(unquoted(entry.etag))) {
      error(
          exchange,
          412,
          "ConditionNotMet",
          "The condition specified was not met: " + ifMatch + " vs " + entry.etag);
    } else if (method.equals("HEAD") || method.equals("GET")) {
      read(exchange, entry, method.equals("HEAD"));
    } else if (method.equals("PUT")) {
      if (entry != null && "*".equals(headers.getFirst("If-None-Match"))) {
        error(exchange, 409, "PathAlreadyExists", "The specified path already exists.");
      } else if (headers.containsKey("x-ms-rename-source")) {
        rename(exchange, fileSystem, headers.getFirst("x-ms-rename-source"), path);
      } else {
        createParents(fileSystem, path);
        Entry created = new Entry("directory".equals(query.get("resource")));
        fileSystem.put(path, touch(created));
        written(exchange, 201, created);
      }
    } else if (method.equals("PATCH")) {
      update(exchange, entry, query, body);
    } else if (method.equals("DELETE")) {
      if (entry == null) {
        error(exchange, 404, "PathNotFound", "The specified path does not exist.");
        return;
      }
      fileSystem.remove(path);
      fileSystem.subMap(path + "/", path + "0").clear();
      respond(exchange, 200, null);
    } else {
      error(exchange, 405, "UnsupportedHttpVerb", "Not in this fake: " + method);
    }
  }

  private void read(HttpExchange exchange, Entry entry, boolean head) throws IOException {
    if (entry == null) {
      error(exchange, 404, "BlobNotFound", "The specified blob does not exist.");
      return;
    }
    Headers out = exchange.getResponseHeaders();
    out.add("ETag", entry.etag);
    out.add("Last-Modified", entry.modified);
    out.add("x-ms-blob-type", "BlockBlob");
    out.add("x-ms-resource-type", entry.directory ? "directory" : "file");
    if (entry.directory) {
      out.add("x-ms-meta-hdi_isfolder", "true");
    }
    if (head) {
      out.add("Content-Length", Integer.toString(entry.data.length));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    String range = exchange.getRequestHeaders().getFirst("x-ms-range");
    range = range == null ? exchange.getRequestHeaders().getFirst("Range") : range;
    // As HTTP says, a range that does not parse (the SDK sends "bytes=0--1" for an empty blob)
    // is ignored and the whole blob is sent.
    java.util.regex.Matcher bounds =
        java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range == null ? "" : range);
    if (!bounds.matches()) {
      respond(exchange, 200, entry.data);
      return;
    }
    int from = Integer.parseInt(bounds.group(1));
    int to = bounds.group(2).isEmpty() ? entry.data.length - 1 : Integer.parseInt(bounds.group(2));
    if (from >= entry.data.length) {
      out.add("Content-Range", "bytes */" + entry.data.length);
      error(exchange, 416, "InvalidRange", "The range specified is invalid.");
      return;
    }
    to = Math.min(to, entry.data.length - 1);
    out.add("Content-Range", "bytes " + from + "-" + to + "/" + entry.data.length);
    byte[] slice = new byte[to - from + 1];
    System.arraycopy(entry.data, from, slice, 0, slice.length);
    respond(exchange, 206, slice);
  }

  private void update(HttpExchange exchange, Entry entry, Map<String, String> query, byte[] body)
      throws IOException {
    if (entry == null || entry.directory) {
      error(exchange, 404, "PathNotFound", "The specified path does not exist.");
      return;
    }
    long position = Long.parseLong(query.getOrDefault("position", "-1"));
    long end = entry.data.length + entry.pending.size();
    if ("append".equals(query.get("action")) && position == end) {
      entry.pending.write(body);
      respond(exchange, 202, null);
    } else if ("flush".equals(query.get("action")) && position == end) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.write(entry.data);
      entry.pending.writeTo(all);
      entry.pending.reset();
      entry.data = all.toByteArray();
      written(exchange, 200, touch(entry));
    } else {
      error(exchange, 400, "InvalidFlushPosition", "Position " + position + " is not " + end);
    }
  }

  private void rename(
      HttpExchange exchange, TreeMap<String, Entry> fileSystem, String source, String target)
      throws IOException {
    String from = decode(source.split("\\?")[0]).replaceFirst("^/[^/]+/", "");
    int slash = target.lastIndexOf('/');
    if (!fileSystem.containsKey(from)) {
      error(exchange, 404, "SourcePathNotFound", "The source path for a rename does not exist.");
    } else if (slash > 0 && !isDirectory(fileSystem, target.substring(0, slash))) {
      error(exchange, 404, "RenameDestinationParentPathNotFound", "The parent does not exist.");
    } else if (fileSystem.containsKey(target) && fileSystem.get(target).directory) {
      error(exchange, 409, "PathAlreadyExists", "The specified path already exists.");
    } else {
      Map<String, Entry> moved = new TreeMap<>(fileSystem.subMap(from + "/", from + "0"));
      fileSystem.subMap(from + "/", from + "0").clear();
      Entry entry = fileSystem.remove(from);
      fileSystem.put(target, entry);
      moved.forEach((name, child) -> fileSystem.put(target + name.substring(from.length()), child));
      written(exchange, 201, entry);
    }
  }

  private void createParents(TreeMap<String, Entry> fileSystem, String path) {
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      fileSystem.computeIfAbsent(path.substring(0, slash), name -> touch(new Entry(true)));
    }
  }

  private static boolean isDirectory(TreeMap<String, Entry> fileSystem, String path) {
    Entry entry = fileSystem.get(path);
    return entry != null && entry.directory;
  }

  private Entry touch(Entry entry) {
    entry.etag = "\"0x8D" + Long.toHexString(++version).toUpperCase(Locale.ROOT) + "\"";
    entry.modified = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
    return entry;
  }

  private static void written(HttpExchange exchange, int status, Entry entry) throws IOException {
    exchange.getResponseHeaders().add("ETag", entry.etag);
    exchange.getResponseHeaders().add("Last-Modified", entry.modified);
    respond(exchange, status, null);
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    exchange.getResponseHeaders().add("x-ms-error-code", code);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
    String json = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + escaped + "\"}}";
    respond(exchange, status, head ? null : json.getBytes(UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("x-ms-request-id", "fake");
    exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
    if (body != null && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        String key = decode(equals < 0 ? pair : pair.substring(0, equals));
        query.put(
            key.toLowerCase(Locale.ROOT), equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    return query;
  }

  private static String unquoted(String etag) {
    return etag.replace("\"", "");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), UTF_8);
  }
}
