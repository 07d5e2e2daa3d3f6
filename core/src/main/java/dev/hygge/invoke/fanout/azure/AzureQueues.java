package dev.hygge.invoke.fanout.azure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.azure.AzureAuth;
import java.net.URI;

/**
 * Opens the Azure Queue Storage transport, with a connection string (what {@code
 * AzureWebJobsStorage} holds) or, for identity-based connections, the queue service's URL and the
 * Azure default credential chain. Requests go over the JDK's HTTP client.
 */
public final class AzureQueues {
  private AzureQueues() {}

  /**
   * A transport for the queue in the account a connection string names.
   *
   * @throws HyggeException of kind CONFIG naming the setting when the connection string is
   *     malformed
   */
  public static AzureQueueTransport open(String connectionString, String queue, String setting) {
    try {
      return new AzureQueueTransport(
          builder(queue).connectionString(connectionString).buildClient());
    } catch (IllegalArgumentException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "The connection string in "
              + setting
              + " is malformed ("
              + e.getMessage()
              + "): copy it whole from the storage account's Access keys page.",
          e);
    }
  }

  /** A transport for the queue at a queue service URL, signed with the Azure default chain. */
  public static AzureQueueTransport open(URI queueService, String queue) {
    return new AzureQueueTransport(
        builder(queue)
            .endpoint(queueService.toString())
            .credential(AzureAuth.standard().defaultChain())
            .buildClient());
  }

  private static QueueClientBuilder builder(String queue) {
    return new QueueClientBuilder()
        .queueName(queue)
        .messageEncoding(QueueMessageEncoding.BASE64)
        .httpClient(new JdkHttpClientBuilder().build());
  }
}
