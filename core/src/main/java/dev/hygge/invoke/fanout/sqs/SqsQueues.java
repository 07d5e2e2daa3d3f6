package dev.hygge.invoke.fanout.sqs;

import dev.hygge.HyggeException;
import dev.hygge.storage.s3.S3Stores;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Opens the SQS transport for a queue URL, signed with the AWS default credentials chain. The
 * region is read from an AWS queue URL ({@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}); any
 * other host (ElasticMQ, LocalStack) is the endpoint itself.
 */
public final class SqsQueues {
  private static final Pattern AWS_HOST =
      Pattern.compile("sqs[.-]([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");
  private static final String FALLBACK_REGION = "us-east-1";

  private SqsQueues() {}

  /**
   * A transport for the queue; the SQS client is built now and signs with the default chain on the
   * first send.
   *
   * @param endpoint the SQS endpoint, to replace the one the queue URL implies
   * @throws HyggeException of kind CONFIG when the URL is not an http(s) URL
   */
  public static SqsTransport open(String queueUrl, Optional<URI> endpoint) {
    URI url = parse(queueUrl);
    Matcher aws = AWS_HOST.matcher(url.getHost());
    String region = aws.matches() ? aws.group(1) : ambientRegion();
    var builder =
        SqsClient.builder()
            .region(Region.of(region))
            .credentialsProvider(S3Stores.provider(Optional.empty(), region));
    Optional<URI> override =
        endpoint.or(
            () ->
                aws.matches()
                    ? Optional.empty()
                    : Optional.of(URI.create(url.getScheme() + "://" + url.getRawAuthority())));
    override.ifPresent(builder::endpointOverride);
    return new SqsTransport(builder.build(), queueUrl);
  }

  private static URI parse(String queueUrl) {
    try {
      URI url = URI.create(queueUrl);
      if (url.getHost() == null
          || url.getScheme() == null
          || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
        throw new IllegalArgumentException("not an http(s) URL with a host");
      }
      return url;
    } catch (IllegalArgumentException e) {
      throw new HyggeException(
          dev.hygge.ErrorKind.CONFIG,
          "HYGGE_FANOUT_QUEUE_URL '"
              + queueUrl
              + "' is not a queue URL ("
              + e.getMessage()
              + "): write it as the SQS console shows it, e.g."
              + " https://sqs.eu-west-1.amazonaws.com/123456789012/hygge-events.",
          e);
    }
  }

  private static String ambientRegion() {
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      return FALLBACK_REGION;
    }
  }
}
