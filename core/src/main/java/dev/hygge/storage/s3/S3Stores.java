package dev.hygge.storage.s3;

import dev.hygge.credentials.NamedCredential;
import dev.hygge.storage.StorageAccess;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** Builds S3 object stores from named credentials and the location's service settings. */
public final class S3Stores {
  /** The region clients start in when none is configured; S3 redirects to the bucket's own. */
  static final String FALLBACK_REGION = "us-east-1";

  private static final String DEFAULT_SESSION_NAME = "hygge";

  private S3Stores() {}

  /** A store whose client is built on first use. */
  public static S3ObjectStore open(StorageAccess access) {
    S3Options options = S3Options.defaults().withPartSize(access.partSize());
    String region = access.region().orElseGet(S3Stores::ambientRegion);
    S3Endpoint endpoint = new S3Endpoint(region, access.endpoint());
    return new S3ObjectStore(
        () -> endpoint.newClient(options, provider(access.credential(), region)), options);
  }

  /**
   * The AWS credentials of a named credential; without one, the AWS default chain.
   *
   * @param region the region STS is called in for {@code assume_role}
   */
  public static AwsCredentialsProvider provider(
      Optional<NamedCredential> credential, String region) {
    if (credential.isEmpty()) {
      return DefaultCredentialsProvider.builder().build();
    }
    NamedCredential c = credential.get();
    if (c.type().name().equals("anonymous")) {
      return AnonymousCredentialsProvider.create();
    }
    return switch (c.method().name()) {
      case "default" -> DefaultCredentialsProvider.builder().build();
      case "profile" ->
          ProfileCredentialsProvider.builder().profileName(c.required("profile")).build();
      case "access_key" ->
          StaticCredentialsProvider.create(
              c.value("session_token")
                  .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                      token ->
                          AwsSessionCredentials.create(
                              c.required("access_key_id"), c.required("secret_access_key"), token))
                  .orElseGet(
                      () ->
                          AwsBasicCredentials.create(
                              c.required("access_key_id"), c.required("secret_access_key"))));
      case "assume_role" -> assumeRole(c, region);
      default -> throw new IllegalStateException("undeclared s3 method " + c.method().name());
    };
  }

  private static AwsCredentialsProvider assumeRole(NamedCredential c, String region) {
    var builder =
        StsClient.builder()
            .region(software.amazon.awssdk.regions.Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build());
    c.value("sts_endpoint").ifPresent(url -> builder.endpointOverride(java.net.URI.create(url)));
    StsClient sts = builder.build();
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(
            r -> {
              r.roleArn(c.required("role_arn"))
                  .roleSessionName(c.value("session_name").orElse(DEFAULT_SESSION_NAME));
              c.value("external_id").ifPresent(r::externalId);
            })
        .build();
  }

  private static String ambientRegion() {
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      return FALLBACK_REGION;
    }
  }
}
