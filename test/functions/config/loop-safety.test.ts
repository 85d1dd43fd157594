import { describe, expect, it } from 'vitest';
import { ConfigError, parseAppConfig } from '#config/app-config';
import { LOCAL_APP_CONFIG } from '#local/local-config';

describe('loopSafety configuration', () => {
  it('defaults to 3 automatic replies per address per 24 h', () => {
    expect(parseAppConfig(LOCAL_APP_CONFIG, 'test').loopSafety).toEqual({ autoReplyCap: 3, autoReplyWindow: 'PT24H' });
    expect(parseAppConfig({ ...LOCAL_APP_CONFIG, loopSafety: { autoReplyCap: 5 } }, 'test').loopSafety).toEqual({ autoReplyCap: 5, autoReplyWindow: 'PT24H' });
  });

  it('names the field and the fix when a value is wrong', () => {
    const attempt = (loopSafety: unknown) => () => parseAppConfig({ ...LOCAL_APP_CONFIG, loopSafety }, 'cdk.json');
    expect(attempt({ autoReplyCap: 0 })).toThrow(ConfigError);
    expect(attempt({ autoReplyCap: 0 })).toThrow(/loopSafety\.autoReplyCap: at least 1/);
    expect(attempt({ autoReplyCap: 1000 })).toThrow(/loopSafety\.autoReplyCap: at most 100/);
    expect(attempt({ autoReplyWindow: 'PT0H' })).toThrow(/loopSafety\.autoReplyWindow: a duration longer than zero, such as PT24H/);
    expect(attempt({ autoReplyWindow: '1 day' })).toThrow(/loopSafety\.autoReplyWindow: an ISO-8601 duration/);
  });
});
