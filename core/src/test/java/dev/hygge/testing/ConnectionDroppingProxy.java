package dev.hygge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a loopback port that forwards to a target port until {@code dropAfter} bytes have
 * gone from clients to the target, or until {@link #cut()}; then it cuts every open connection and
 * every new one, as a network that goes away mid-upload would.
 */
public final class ConnectionDroppingProxy implements AutoCloseable {
  private static final int BUFFER = 64 * 1024;

  private final ServerSocket listener;
  private final long dropAfter;
  private final AtomicLong forwarded = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile int targetPort;
  private volatile boolean dropping;

  /** A proxy that drops once {@code dropAfter} bytes went upstream. */
  public ConnectionDroppingProxy(long dropAfter) {
    this.dropAfter = dropAfter;
    try {
      listener = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "dropping-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy to {@code target} that forwards everything until {@link #cut()}. */
  public static ConnectionDroppingProxy to(URI target) {
    ConnectionDroppingProxy proxy = new ConnectionDroppingProxy(Long.MAX_VALUE);
    proxy.forwardTo(target);
    return proxy;
  }

  /** The proxy's URL. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Where to forward to; set before the first connection. */
  public void forwardTo(URI target) {
    targetPort = target.getPort();
  }

  /** Whether it has started dropping connections. */
  public boolean dropped() {
    return dropping;
  }

  @Override
  public void close() {
    dropping = true;
    closeQuietly(listener);
    sockets.forEach(ConnectionDroppingProxy::closeQuietly);
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (dropping) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(target);
        pump(client, target, true);
        pump(target, client, false);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean upstream) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[BUFFER];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  if (upstream && forwarded.addAndGet(read) > dropAfter) {
                    drop();
                    return;
                  }
                  out.write(buffer, 0, read);
                }
              } catch (IOException e) {
                // The other direction closed the sockets, or the drop did.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "dropping-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** Drops every connection now and refuses new ones. */
  public void cut() {
    drop();
  }

  private void drop() {
    dropping = true;
    sockets.forEach(ConnectionDroppingProxy::closeQuietly);
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Closing a socket that is already gone: nothing left to release.
    }
  }
}
