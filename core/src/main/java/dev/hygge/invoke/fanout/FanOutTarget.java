package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/** Where a flow's run messages go: one of the three clouds' queues. */
public sealed interface FanOutTarget {
  /**
   * An SQS queue ({@code HYGGE_FANOUT_QUEUE_URL}).
   *
   * @param queueUrl the queue's URL
   */
  record Sqs(String queueUrl) implements FanOutTarget {
    public Sqs {
      requireNonNull(queueUrl, "queueUrl is null");
    }
  }

  /**
   * A Pub/Sub topic ({@code HYGGE_FANOUT_TOPIC}).
   *
   * @param topic {@code projects/PROJECT/topics/TOPIC}
   */
  record PubSub(String topic) implements FanOutTarget {
    public PubSub {
      requireNonNull(topic, "topic is null");
    }
  }

  /**
   * An Azure Storage queue ({@code HYGGE_FANOUT_QUEUE}) in the account of a Functions-style
   * connection: a connection string, or an identity-based connection's queue service URL.
   *
   * @param queue the queue's name
   * @param connectionSetting the setting the connection was read from, for messages
   * @param connectionString the connection string, when the connection has one
   * @param queueService the queue service URL of an identity-based connection, otherwise
   */
  record AzureQueue(
      String queue,
      String connectionSetting,
      Optional<String> connectionString,
      Optional<URI> queueService)
      implements FanOutTarget {
    public AzureQueue {
      requireNonNull(queue, "queue is null");
      requireNonNull(connectionSetting, "connectionSetting is null");
      requireNonNull(connectionString, "connectionString is null");
      requireNonNull(queueService, "queueService is null");
      if (connectionString.isPresent() == queueService.isPresent()) {
        throw new IllegalArgumentException("exactly one of connectionString and queueService");
      }
    }
  }
}
