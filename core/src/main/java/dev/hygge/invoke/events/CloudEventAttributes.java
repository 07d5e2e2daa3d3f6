package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The context attributes of a CloudEvent, as a binary-mode request carries them in {@code ce-*}
 * headers (or a structured-mode event in its JSON): what {@link EventParser#parseCloudEvent} needs
 * next to the data.
 *
 * @param id the event id ({@code ce-id}), the delivery's id
 * @param type the event type ({@code ce-type}), e.g. {@code
 *     google.cloud.storage.object.v1.finalized}
 * @param source where the event comes from ({@code ce-source})
 * @param subject the subject, if any ({@code ce-subject})
 * @param time when it happened, if given ({@code ce-time}, ISO-8601)
 */
public record CloudEventAttributes(
    String id, String type, String source, Optional<String> subject, Optional<String> time) {
  public CloudEventAttributes {
    requireNonNull(id, "id is null");
    requireNonNull(type, "type is null");
    requireNonNull(source, "source is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(time, "time is null");
  }
}
