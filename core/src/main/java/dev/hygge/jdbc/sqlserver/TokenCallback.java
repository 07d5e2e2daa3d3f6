package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import com.microsoft.sqlserver.jdbc.SQLServerAccessTokenCallback;
import com.microsoft.sqlserver.jdbc.SqlAuthenticationToken;
import dev.hygge.credentials.azure.BearerToken;
import java.util.Date;
import java.util.function.Supplier;

/**
 * Hands mssql-jdbc a Microsoft Entra ID token whenever it opens a connection ({@code
 * accessTokenCallback}), so pooled and retried connections never use an expired one.
 */
final class TokenCallback implements SQLServerAccessTokenCallback {
  /** The driver's connection property that takes the callback object. */
  static final String PROPERTY = "accessTokenCallback";

  private final Supplier<BearerToken> tokens;

  TokenCallback(Supplier<BearerToken> tokens) {
    this.tokens = requireNonNull(tokens, "tokens is null");
  }

  @Override
  public SqlAuthenticationToken getAccessToken(String spn, String stsUrl) {
    BearerToken token = tokens.get();
    return new SqlAuthenticationToken(token.value(), Date.from(token.expiresAt()));
  }
}
