package dev.hygge.invoke.events;

import dev.hygge.HyggeException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The cloud an event payload comes from; restricts which payload shapes are tried. */
public enum Cloud {
  /** Amazon Web Services: S3, EventBridge, SQS, SNS and direct invocations. */
  AWS("aws"),
  /** Google Cloud: Cloud Storage and Pub/Sub CloudEvents, Pub/Sub push and HTTP. */
  GCP("gcp"),
  /** Microsoft Azure: Event Grid (both schemas), Storage Queue messages and HTTP. */
  AZURE("azure");

  private final String word;

  Cloud(String word) {
    this.word = word;
  }

  /** The cloud as written on the command line: {@code aws}, {@code gcp} or {@code azure}. */
  public String word() {
    return word;
  }

  /**
   * The cloud a word names, ignoring case.
   *
   * @throws HyggeException of kind CONFIG naming the valid words when none matches
   */
  public static Cloud of(String word) {
    for (Cloud cloud : values()) {
      if (cloud.word.equalsIgnoreCase(word.strip())) {
        return cloud;
      }
    }
    throw HyggeException.config(
        "Unknown cloud '"
            + word
            + "': use one of "
            + Arrays.stream(values()).map(Cloud::word).collect(Collectors.joining(", "))
            + ".");
  }
}
