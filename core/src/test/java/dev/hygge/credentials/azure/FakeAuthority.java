package dev.hygge.credentials.azure;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An in-process fake of the Microsoft identity platform's client-credentials token endpoint ({@code
 * POST /{tenant}/oauth2/v2.0/token}), over HTTPS with a self-signed certificate made by the JDK's
 * keytool for this run: MSAL talks to https authorities only, and there is no Entra ID emulator. It
 * answers every token request with {@link #TOKEN} and records each request's path and form body;
 * anything else gets 404.
 */
public final class FakeAuthority implements AutoCloseable {
  /** The access token the fake issues unless told another. */
  public static final String TOKEN = "fake-entra-access-token";

  private static final String PASSWORD = "fake-authority";
  private static final int TOKEN_LIFETIME_SECONDS = 3600;

  private final String token;
  private final HttpsServer server;
  private final SSLContext ssl;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** A fake issuing {@link #TOKEN}. */
  public FakeAuthority(Path workDir) throws Exception {
    this(workDir, TOKEN);
  }

  /** A fake issuing {@code token}, e.g. the one another fake service accepts. */
  public FakeAuthority(Path workDir, String token) throws Exception {
    this.token = token;
    Path keyStore = workDir.resolve("authority.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "authority",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), UTF_8);
    if (keytool.waitFor() != 0) {
      throw new AssertionError(
          "keytool could not make the fake authority's certificate: " + output);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    ssl = SSLContext.getInstance("TLS");
    ssl.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The authority host, e.g. {@code https://127.0.0.1:PORT/}. */
  public String authorityHost() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** An azure-core HTTP client that trusts the fake's certificate. */
  public HttpClient httpClient() {
    return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(ssl)).build();
  }

  /** Each request as {@code METHOD path body}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path + " " + body);
    byte[] answer;
    int status;
    if (exchange.getRequestMethod().equals("POST") && path.endsWith("/oauth2/v2.0/token")) {
      status = 200;
      answer =
          ("{\"token_type\":\"Bearer\",\"expires_in\":"
                  + TOKEN_LIFETIME_SECONDS
                  + ",\"ext_expires_in\":"
                  + TOKEN_LIFETIME_SECONDS
                  + ",\"access_token\":\""
                  + token
                  + "\"}")
              .getBytes(UTF_8);
    } else {
      status = 404;
      answer = "{\"error\":\"not_found\"}".getBytes(UTF_8);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
