import { describe, expect, it } from 'vitest';
import type { Component } from 'svelte';
import { LazyComponent } from './lazy-component.svelte';

const Fake: Component<Record<string, never>> = () => ({});

describe('a component loaded when first needed', () => {
  it('imports its module once, however often it is asked for', async () => {
    let imports = 0;
    const lazy = new LazyComponent(async () => {
      imports += 1;
      return { default: Fake };
    });
    expect(lazy.current).toBeNull();
    const [first, second] = await Promise.all([lazy.load(), lazy.load()]);
    await lazy.load();
    expect(first).toBe(Fake);
    expect(second).toBe(Fake);
    expect(lazy.current).toBe(Fake);
    expect(imports).toBe(1);
  });

  it('tries again after a failed import', async () => {
    let imports = 0;
    const lazy = new LazyComponent(async () => {
      imports += 1;
      if (imports === 1) throw new Error('chunk missing');
      return { default: Fake };
    });
    await expect(lazy.load()).rejects.toThrow('chunk missing');
    expect(lazy.current).toBeNull();
    expect(await lazy.load()).toBe(Fake);
    expect(imports).toBe(2);
  });
});
