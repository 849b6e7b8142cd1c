import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../graphql/errors.js';

export interface LimiterSpec {
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Shared counters in Redis when REDIS_URL is set (several API processes), otherwise in this process,
 * which is exact for the single-process embedded default.
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly redis: Redis | null,
    private readonly prefix: string,
  ) {}

  private limiter(spec: LimiterSpec): RateLimiterAbstract {
    const id = `${spec.name}:${spec.points}:${spec.durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const options = { keyPrefix: `${this.prefix}:${spec.name}`, points: spec.points, duration: spec.durationSeconds };
      limiter = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis }) : new RateLimiterMemory(options);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /** Takes one point; throws RATE_LIMITED when the budget is spent. */
  async consume(spec: LimiterSpec, key: string): Promise<void> {
    try {
      await this.limiter(spec).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }

  /** Gives back one point taken by `consume`. */
  async reward(spec: LimiterSpec, key: string): Promise<void> {
    await this.limiter(spec).reward(key, 1);
  }

  async reset(spec: LimiterSpec, key: string): Promise<void> {
    await this.limiter(spec).delete(key);
  }

  static create(redisUrl: string | undefined, prefix = 'kontor:rl'): RateLimits {
    return new RateLimits(redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true }) : null, prefix);
  }

  async close(): Promise<void> {
    await this.redis?.quit();
  }
}
