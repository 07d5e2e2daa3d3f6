package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import io.smallrye.config.SecretKeysHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets of one run: fetched in parallel before the project is resolved, each distinct
 * expression once, and handed to SmallRye Config through {@link #secretKeysHandlers()}. Values are
 * kept in memory only, never logged; {@link #values()} lets error messages and {@code hygge debug}
 * mask them.
 */
public final class SecretCache {
  private static final Logger LOG = LoggerFactory.getLogger(SecretCache.class);

  /** Where an expression is used that the prefetch did not see (environment, .env, ...). */
  static final Origin UNPLACED = new Origin("a value outside the project's YAML files", 0);

  private final SecretManagers managers;
  private final Duration timeout;
  private final Map<SecretReference, String> values = new ConcurrentHashMap<>();

  /**
   * @param managers where secrets are read from; the caller closes them after the run
   * @param timeout how long one round of fetches may take ({@code options.secret_timeout})
   */
  public SecretCache(SecretManagers managers, Duration timeout) {
    this.managers = requireNonNull(managers, "managers is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** The handler names expressions may use, e.g. {@code aws-secrets}. */
  public Set<String> handlers() {
    return managers.handlers();
  }

  /** One SmallRye handler per secret manager, answering from this cache. */
  public List<SecretKeysHandler> secretKeysHandlers() {
    return managers.handlers().stream().<SecretKeysHandler>map(CachedHandler::new).toList();
  }

  /** Every value fetched so far (empty values left out), for masking. */
  public Set<String> values() {
    return values.values().stream()
        .filter(v -> !v.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Fetches every secret these uses name that is not cached yet, all at once, waiting at most the
   * timeout.
   *
   * @throws HyggeException of kind CREDENTIAL naming, for each secret that failed, the file, line
   *     and key that use it, the handler, the secret and what to check
   */
  public void prefetch(List<SecretUse> uses) {
    List<Failure> failures = fetch(uses);
    if (failures.size() == 1) {
      Failure failure = failures.get(0);
      throw new HyggeException(ErrorKind.CREDENTIAL, failure.describe(), failure.error());
    }
    if (!failures.isEmpty()) {
      StringBuilder message =
          new StringBuilder("Cannot fetch ").append(failures.size()).append(" secrets:");
      failures.forEach(
          f -> message.append(System.lineSeparator()).append("  - ").append(f.describe()));
      throw new HyggeException(ErrorKind.CREDENTIAL, message.toString(), failures.get(0).error());
    }
  }

  /** Fetches what is not cached yet, in parallel; the failures in the order of {@code uses}. */
  private List<Failure> fetch(List<SecretUse> uses) {
    Map<SecretReference, SecretUse> pending = new LinkedHashMap<>();
    for (SecretUse use : uses) {
      if (!values.containsKey(use.reference())) {
        pending.putIfAbsent(use.reference(), use);
      }
    }
    List<Failure> failures = new ArrayList<>();
    if (pending.isEmpty()) {
      return failures;
    }
    LOG.debug("Fetching {} secrets", pending.size());
    Map<SecretUse, SecretManager> ready = new LinkedHashMap<>();
    for (SecretUse use : pending.values()) {
      try {
        ready.put(use, managers.open(use.reference().handler()));
      } catch (SecretFetchException e) {
        failures.add(new Failure(use, e));
      }
    }
    if (ready.isEmpty()) {
      return failures;
    }
    // One thread per secret: every fetch starts at once and all share one deadline.
    ExecutorService pool = Executors.newFixedThreadPool(ready.size(), DAEMONS);
    try {
      Map<SecretUse, Future<String>> running = new LinkedHashMap<>();
      ready.forEach(
          (use, manager) ->
              running.put(use, pool.submit(() -> manager.fetch(use.reference().name(), timeout))));
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Map.Entry<SecretUse, Future<String>> fetch : running.entrySet()) {
        await(fetch.getKey(), fetch.getValue(), deadline).ifPresent(failures::add);
      }
    } finally {
      pool.shutdownNow();
    }
    return failures;
  }

  private Optional<Failure> await(SecretUse use, Future<String> fetch, long deadline) {
    try {
      String value = fetch.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      values.put(use.reference(), requireNonNull(value, "secret manager returned null"));
      return Optional.empty();
    } catch (TimeoutException e) {
      fetch.cancel(true);
      return Optional.of(
          new Failure(
              use,
              new SecretFetchException(
                  SecretFailure.TIMEOUT,
                  "no answer within " + shown(timeout) + " (options.secret_timeout)",
                  e)));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SecretFetchException fetchFailure) {
        return Optional.of(new Failure(use, fetchFailure));
      }
      return Optional.of(
          new Failure(
              use,
              new SecretFetchException(
                  SecretFailure.UNAVAILABLE, String.valueOf(cause.getMessage()), cause)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HyggeException(
          ErrorKind.CREDENTIAL,
          "Interrupted while fetching secret " + use.reference().expression() + ".",
          e);
    }
  }

  /** A cached value, or one fetched now for an expression the prefetch could not see. */
  private String value(SecretReference reference) {
    String cached = values.get(reference);
    if (cached != null) {
      return cached;
    }
    List<Failure> failures =
        fetch(List.of(new SecretUse(reference, reference.expression(), UNPLACED)));
    if (!failures.isEmpty()) {
      throw new SecretUnavailableException(reference, failures.get(0).error());
    }
    return values.get(reference);
  }

  /** The text ending with one full stop. */
  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  /** A timeout as users write it: {@code 30s}, or {@code 1500ms}. */
  static String shown(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }

  /** A failure to fetch a secret, described for the place that uses it. */
  record Failure(SecretUse use, SecretFetchException error) {
    String describe() {
      SecretReference reference = use.reference();
      return "Cannot fetch secret '"
          + reference.name()
          + "' ("
          + reference.handler()
          + ") for '"
          + use.key()
          + "' at "
          + use.origin()
          + ": "
          + error.failure().headline()
          + ": "
          + sentence(error.detail())
          + " Check "
          + sentence(error.check());
    }
  }

  private static final ThreadFactory DAEMONS =
      new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
          Thread thread = new Thread(task, "hygge-secret-fetch-" + count.incrementAndGet());
          // A fetch stuck past the timeout must not keep the JVM alive.
          thread.setDaemon(true);
          return thread;
        }
      };

  /** Answers SmallRye's {@code ${handler::name}} expressions from the cache. */
  private final class CachedHandler implements SecretKeysHandler {
    private final String handler;

    CachedHandler(String handler) {
      this.handler = handler;
    }

    @Override
    public String decode(String secret) {
      return value(new SecretReference(handler, secret));
    }

    @Override
    public String getName() {
      return handler;
    }
  }
}
