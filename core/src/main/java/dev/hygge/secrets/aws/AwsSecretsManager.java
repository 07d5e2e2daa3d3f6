package dev.hygge.secrets.aws;

import static java.util.Objects.requireNonNull;

import dev.hygge.secrets.SecretFailure;
import dev.hygge.secrets.SecretFetchException;
import dev.hygge.secrets.SecretManager;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@code ${aws-secrets::name}} and {@code ${aws-secrets::name#key}}: a secret from AWS Secrets
 * Manager, whole or one field of its JSON {@code SecretString}. The standard client takes region
 * and credentials from the SDK's default chains and honours {@code AWS_ENDPOINT_URL} and {@code
 * AWS_ENDPOINT_URL_SECRETS_MANAGER} (LocalStack, moto).
 */
public final class AwsSecretsManager implements SecretManager {
  /** The handler name in expressions. */
  public static final String HANDLER = "aws-secrets";

  private static final char KEY_SEPARATOR = '#';

  /** Error codes that mean the caller's identity or its credentials were refused. */
  private static final Set<String> REFUSED =
      Set.of(
          "AccessDeniedException",
          "AccessDenied",
          "UnrecognizedClientException",
          "InvalidClientTokenId",
          "InvalidSignatureException",
          "ExpiredTokenException",
          "DecryptionFailure");

  private final Supplier<SecretsManagerClient> clientFactory;
  private SecretsManagerClient client;

  /**
   * @param clientFactory builds the client on the first fetch (so a missing region fails that
   *     fetch, naming the secret); this manager closes the client
   */
  public AwsSecretsManager(Supplier<SecretsManagerClient> clientFactory) {
    this.clientFactory = requireNonNull(clientFactory, "clientFactory is null");
  }

  /** A manager whose client uses the SDK's default region, credentials and endpoint settings. */
  public static AwsSecretsManager standard() {
    return new AwsSecretsManager(SecretsManagerClient::create);
  }

  @Override
  public String handler() {
    return HANDLER;
  }

  @Override
  public String fetch(String name, Duration timeout) throws SecretFetchException {
    int separator = name.indexOf(KEY_SEPARATOR);
    String secretId = separator < 0 ? name : name.substring(0, separator);
    String key = separator < 0 ? null : name.substring(separator + 1);
    if (secretId.isBlank() || (key != null && key.isBlank())) {
      throw new SecretFetchException(
          SecretFailure.INVALID_NAME,
          "'" + name + "' is not a secret name",
          "the expression: write ${aws-secrets::name} or ${aws-secrets::name#key}",
          null);
    }
    GetSecretValueResponse response = get(secretId, timeout);
    String text =
        response.secretString() != null
            ? response.secretString()
            : response.secretBinary().asUtf8String();
    return key == null ? text : field(secretId, key, text);
  }

  private GetSecretValueResponse get(String secretId, Duration timeout)
      throws SecretFetchException {
    SecretsManagerClient secrets = client();
    try {
      return secrets.getSecretValue(
          request ->
              request.secretId(secretId).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
    } catch (ResourceNotFoundException e) {
      throw new SecretFetchException(
          SecretFailure.NOT_FOUND,
          "AWS Secrets Manager in region "
              + secrets.serviceClientConfiguration().region()
              + " has no secret '"
              + secretId
              + "' ("
              + e.getMessage()
              + ")",
          "the secret's name, and AWS_REGION (or the profile's region)",
          e);
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      boolean refused = REFUSED.contains(code);
      throw new SecretFetchException(
          refused ? SecretFailure.ACCESS_DENIED : SecretFailure.UNAVAILABLE,
          e.getMessage(),
          refused
              ? "that the identity has secretsmanager:GetSecretValue on '"
                  + secretId
                  + "' (and kms:Decrypt on its key)"
              : null,
          e);
    } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
      throw new SecretFetchException(SecretFailure.TIMEOUT, e.getMessage(), e);
    } catch (SdkClientException e) {
      throw clientFailure(e);
    }
  }

  private synchronized SecretsManagerClient client() throws SecretFetchException {
    if (client == null) {
      try {
        client = clientFactory.get();
      } catch (SdkClientException e) {
        throw clientFailure(e);
      }
    }
    return client;
  }

  private static SecretFetchException clientFailure(SdkClientException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Unable to load credentials")
        || message.contains("Unable to load region")) {
      return new SecretFetchException(
          SecretFailure.NO_CREDENTIALS,
          message,
          "AWS_REGION and the credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE,"
              + " or a role where hygge runs",
          e);
    }
    return new SecretFetchException(SecretFailure.UNAVAILABLE, message, e);
  }

  /** One field of a JSON object secret; messages name fields, never values. */
  private static String field(String secretId, String key, String text)
      throws SecretFetchException {
    Map<String, JsonNode> fields;
    try {
      JsonNode json = JsonNode.parser().parse(text);
      fields = json.isObject() ? json.asObject() : null;
    } catch (RuntimeException e) {
      // The parser's message quotes the text around the error, which is the secret: it is left
      // out on purpose, and so is the exception that carries it.
      fields = null;
    }
    if (fields == null) {
      throw new SecretFetchException(
          SecretFailure.NOT_FOUND,
          "secret '" + secretId + "' is not a JSON object, so '#" + key + "' names no field",
          "the expression: write ${aws-secrets::" + secretId + "} for the whole value",
          null);
    }
    JsonNode value = fields.get(key);
    if (value == null || value.isNull() || value.text() == null) {
      throw new SecretFetchException(
          SecretFailure.NOT_FOUND,
          "secret '"
              + secretId
              + "' has no text field '"
              + key
              + "' (its fields: "
              + String.join(", ", fields.keySet())
              + ")",
          "the field after '#'",
          null);
    }
    return value.text();
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
