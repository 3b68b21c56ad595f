import { describe, expect, it } from 'vitest';
import { loadConfig, trustProxyFrom } from './config.ts';

describe('TUPU_TRUST_PROXY', () => {
  it('trusts no proxy when unset, empty, false or 0', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const value of ['', ' ', 'false', '0']) expect(trustProxyFrom('X', value)).toBe(false);
  });

  it('reads true, a hop count, and a list of addresses and CIDR ranges', () => {
    expect(loadConfig({ TUPU_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(trustProxyFrom('X', '1')).toEqual({ hops: 1 });
    expect(trustProxyFrom('X', '2')).toEqual({ hops: 2 });
    expect(trustProxyFrom('X', '10.0.0.1')).toEqual({ addresses: ['10.0.0.1'] });
    expect(trustProxyFrom('X', ' 10.0.0.0/8 , ::1, fd00::/8,loopback ')).toEqual({
      addresses: ['10.0.0.0/8', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it('refuses anything else with an error naming the variable and the bad entry', () => {
    const bad = (value: string) => () => loadConfig({ TUPU_TRUST_PROXY: value });
    expect(bad('yes')).toThrow(/^TUPU_TRUST_PROXY must be .*"yes" is not an IP address/);
    expect(bad('10.0.0.1,proxy.local')).toThrow(/TUPU_TRUST_PROXY .*"proxy\.local" is not an IP address/);
    expect(bad('10.0.0.0/33')).toThrow(/TUPU_TRUST_PROXY .*prefix outside 0–32/);
    expect(bad('::1/129')).toThrow(/TUPU_TRUST_PROXY .*prefix outside 0–128/);
    expect(bad('10.0.0.0/8/1')).toThrow(/TUPU_TRUST_PROXY/);
    expect(bad('10.0.0.1,,10.0.0.2')).toThrow(/TUPU_TRUST_PROXY .*an empty entry/);
    expect(bad('-1')).toThrow(/TUPU_TRUST_PROXY/);
    expect(bad('1.5')).toThrow(/TUPU_TRUST_PROXY/);
  });
});

describe('TUPU_SOLVER_THREADS', () => {
  it('is checked when the configuration is loaded, not at the first plan solve', () => {
    expect(() => loadConfig({ TUPU_SOLVER_THREADS: '3' })).not.toThrow();
    expect(() => loadConfig({ TUPU_SOLVER_THREADS: 'zero' })).toThrow(/TUPU_SOLVER_THREADS .*"zero"/);
  });
});

describe('TUPU_PUBLIC_ORIGIN', () => {
  it('is empty when unset and reads a list of origins in the form browsers send them', () => {
    expect(loadConfig({}).publicOrigins).toEqual([]);
    expect(
      loadConfig({ TUPU_PUBLIC_ORIGIN: ' https://Tupu.Example.cn/ , http://10.0.0.5:8080,https://a.cn:443' })
        .publicOrigins,
    ).toEqual(['https://tupu.example.cn', 'http://10.0.0.5:8080', 'https://a.cn']);
  });

  it('refuses anything but scheme, host and port, naming the variable and the entry', () => {
    const bad = (value: string) => () => loadConfig({ TUPU_PUBLIC_ORIGIN: value });
    expect(bad('tupu.example.cn')).toThrow(/^TUPU_PUBLIC_ORIGIN must be .*"tupu\.example\.cn"/);
    expect(bad('https://a.cn/app')).toThrow(/TUPU_PUBLIC_ORIGIN .*"https:\/\/a\.cn\/app"/);
    expect(bad('https://a.cn,ftp://b.cn')).toThrow(/"ftp:\/\/b\.cn"/);
    expect(bad('https://a.cn?x=1')).toThrow(/TUPU_PUBLIC_ORIGIN/);
    expect(bad('https://user@a.cn')).toThrow(/TUPU_PUBLIC_ORIGIN/);
    expect(bad('https://a.cn,,https://b.cn')).toThrow(/TUPU_PUBLIC_ORIGIN .*""/);
  });
});
