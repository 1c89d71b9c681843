package zone.dimo.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.DimoException;

/**
 * Caches tokens per key until shortly before they expire, and loads each key at most once at a
 * time: concurrent callers for a key that needs loading share one load (one login, one
 * exchange) and its outcome.
 *
 * <p>Bounded: at most {@code maxSize} tokens are kept. Tokens past their refresh instant are
 * never served, so storing a token also drops them, at most once a {@link #SWEEP_INTERVAL} (a
 * sweep is a pass over the whole cache); beyond {@code maxSize} the least recently used token
 * goes. A backend that talks to many vehicles over days thus holds at most {@code maxSize}
 * tokens, not one per vehicle ever seen.
 */
final class TokenCache<K> {
  /** Tokens that claim to live longer are refused: DIMO's live minutes to hours. */
  static final Duration MAX_LIFETIME = Duration.ofDays(366);
  /** Default bound; a vehicle token is about 1 KiB, so about 10 MiB of tokens at most. */
  static final int DEFAULT_MAX_SIZE = 10_000;
  /** How often storing a token also drops the expired ones. */
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

  /** A token and the instant it stops being usable. */
  static final class Token {
    final String value;
    final Instant refreshAt;

    Token(String value, Instant refreshAt) {
      this.value = value;
      this.refreshAt = refreshAt;
    }

    @Override
    public String toString() {
      return "Token[refreshAt=" + refreshAt + "]";
    }
  }

  private final Clock clock;
  private final Duration refreshBefore;
  private final int maxSize;
  /** Access-ordered, so the first entry is the least recently used; guarded by itself. */
  private final LinkedHashMap<K, Token> tokens = new LinkedHashMap<>(16, 0.75f, true);
  private Instant nextSweep;
  private final ConcurrentMap<K, CompletableFuture<Token>> inFlight = new ConcurrentHashMap<>();

  TokenCache(Clock clock, Duration refreshBefore) {
    this(clock, refreshBefore, DEFAULT_MAX_SIZE);
  }

  TokenCache(Clock clock, Duration refreshBefore, int maxSize) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize < 1: " + maxSize);
    }
    this.clock = clock;
    this.refreshBefore = refreshBefore;
    this.maxSize = maxSize;
    this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
  }

  /** The cached token for {@code key}, loading a fresh one when absent or about to expire. */
  String get(K key, Supplier<Token> loader) {
    Token cached = cached(key);
    if (isFresh(cached)) {
      return cached.value;
    }
    CompletableFuture<Token> mine = new CompletableFuture<>();
    CompletableFuture<Token> theirs = inFlight.putIfAbsent(key, mine);
    if (theirs != null) {
      return await(theirs).value;
    }
    try {
      Token again = cached(key);
      Token token = isFresh(again) ? again : loader.get();
      store(key, token);
      mine.complete(token);
      return token.value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** Forgets {@code key}'s token if it is still {@code value} (a newer one is kept). */
  void invalidate(K key, String value) {
    synchronized (tokens) {
      Token cached = tokens.get(key);
      if (cached != null && cached.value.equals(value)) {
        tokens.remove(key);
      }
    }
  }

  /** How many tokens are held (fresh or not yet swept). */
  int size() {
    synchronized (tokens) {
      return tokens.size();
    }
  }

  private Token cached(K key) {
    synchronized (tokens) {
      return tokens.get(key);
    }
  }

  private void store(K key, Token token) {
    Instant now = clock.instant();
    synchronized (tokens) {
      tokens.put(key, token);
      if (!now.isBefore(nextSweep)) {
        nextSweep = now.plus(SWEEP_INTERVAL);
        for (Iterator<Token> i = tokens.values().iterator(); i.hasNext(); ) {
          if (!now.isBefore(i.next().refreshAt)) {
            i.remove();
          }
        }
      }
      for (Iterator<Map.Entry<K, Token>> i = tokens.entrySet().iterator();
          tokens.size() > maxSize; ) {
        i.next();
        i.remove();
      }
    }
  }

  /**
   * A token that expires at its JWT {@code exp}, else after {@code fallbackLifetime}; it is
   * refreshed {@code refreshBefore} ahead of that, or halfway through a shorter life.
   *
   * @param fallbackLifetime null when the token must be a JWT with an {@code exp}
   * @param source names the provider in messages
   * @throws DimoAuthenticationException for a token that must not be cached or sent: empty,
   *     not a JWT where one is required, an {@code exp} no instant can hold or more than
   *     {@link #MAX_LIFETIME} ahead, or already expired
   */
  Token token(@Nullable String value, @Nullable Duration fallbackLifetime, Object source) {
    if (value == null || value.isEmpty()) {
      throw unusable(source, "it is empty");
    }
    Instant now = clock.instant();
    Instant exp;
    try {
      exp = Jwt.expiry(value);
    } catch (IllegalArgumentException e) {
      throw unusable(source, "its exp claim is not a time");
    }
    if (exp == null && fallbackLifetime == null) {
      throw unusable(source, "it is not a JWT with an exp claim");
    }
    if (exp != null && !exp.isAfter(now)) {
      throw unusable(source, "it expired at " + exp);
    }
    if (exp != null && exp.isAfter(now.plus(MAX_LIFETIME))) {
      throw unusable(source, "its exp " + exp + " is more than " + MAX_LIFETIME.toDays()
          + " days ahead");
    }
    Instant expiresAt = exp != null ? exp : now.plus(fallbackLifetime);
    Duration life = Duration.between(now, expiresAt);
    Duration margin = life.isNegative() ? Duration.ZERO
        : life.compareTo(refreshBefore.multipliedBy(2)) < 0 ? life.dividedBy(2) : refreshBefore;
    return new Token(value, expiresAt.minus(margin));
  }

  private static DimoAuthenticationException unusable(Object source, String why) {
    return new DimoAuthenticationException(source + " was issued an unusable token (" + why
        + "); it was neither cached nor sent", null);
  }

  private boolean isFresh(Token token) {
    return token != null && clock.instant().isBefore(token.refreshAt);
  }

  private static Token await(CompletableFuture<Token> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new DimoException("Token load failed", cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
