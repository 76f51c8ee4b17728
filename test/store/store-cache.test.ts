import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import type { KObject } from '../../src/api/types.js';
import { StoreFixture, testPod as pod } from '../helpers/store-fixture.js';

let fixture: StoreFixture;
let store: Store;

function openStore(): Store {
  return fixture.open();
}

beforeEach(() => {
  fixture = new StoreFixture();
  store = openStore();
});

afterEach(() => fixture.dispose());

const names = (objs: KObject[]) => objs.map((o) => o.metadata.name);

describe('list inside one transaction', () => {
  it('follows creates, owner changes, deletes', () => {
    store.tx(() => {
      store.create('pods', pod('b', 'rs-1'));
      expect(names(store.list('pods', 'default', { owner: 'rs-1' }))).toEqual(['b']);
      store.create('pods', pod('a', 'rs-1'));
      store.create('pods', pod('c', 'rs-2'));
      expect(names(store.list('pods', 'default', { owner: 'rs-1' }))).toEqual(['a', 'b']);

      const moved = store.get('pods', 'default', 'b')!;
      moved.metadata.ownerReferences![0].uid = 'rs-2';
      store.update('pods', moved);
      expect(names(store.list('pods', 'default', { owner: 'rs-1' }))).toEqual(['a']);
      expect(names(store.list('pods', 'default', { owner: 'rs-2' }))).toEqual(['b', 'c']);

      store.remove('pods', 'default', 'c');
      expect(names(store.list('pods', 'default', { owner: 'rs-2' }))).toEqual(['b']);
      expect(names(store.list('pods'))).toEqual(['a', 'b']);
    });
  });

  it('moves a bound pod to its node', () => {
    store.tx(() => {
      store.create('pods', pod('a'));
      expect(names(store.listUnscheduledPods())).toEqual(['a']);
      expect(names(store.list('pods', undefined, { node: 'n1' }))).toEqual([]);
      const p = store.get('pods', 'default', 'a')!;
      p.spec.nodeName = 'n1';
      store.update('pods', p);
      expect(names(store.listUnscheduledPods())).toEqual([]);
      expect(names(store.list('pods', undefined, { node: 'n1' }))).toEqual(['a']);
    });
  });

  it('copies unless shared is requested', () => {
    store.tx(() => {
      store.create('pods', pod('a', 'rs-1'));
      const copy = store.list('pods', 'default', { owner: 'rs-1' })[0];
      copy.metadata.labels = { changed: 'yes' };
      const shared = store.list('pods', 'default', { owner: 'rs-1', shared: true })[0];
      expect(shared.metadata.labels).toBeUndefined();
      expect(() => {
        shared.metadata.labels = { changed: 'yes' };
      }).toThrow(TypeError);
    });
  });
});

describe('shared list results', () => {
  it('returns the same array until a write touches the query', () => {
    store.tx(() => {
      store.create('pods', pod('a', 'rs-1'));
      store.create('pods', pod('b', 'rs-2'));
      const first = store.list('pods', undefined, { owner: 'rs-1', shared: true });
      expect(store.list('pods', undefined, { owner: 'rs-1', shared: true })).toBe(first);

      const other = store.get('pods', 'default', 'b')!;
      other.metadata.labels = { tier: 'web' };
      store.update('pods', other);
      expect(store.list('pods', undefined, { owner: 'rs-1', shared: true })).toBe(first);

      const own = store.get('pods', 'default', 'a')!;
      own.metadata.labels = { tier: 'web' };
      store.update('pods', own);
      const second = store.list('pods', undefined, { owner: 'rs-1', shared: true });
      expect(second).not.toBe(first);
      expect(second[0].metadata.labels).toEqual({ tier: 'web' });
    });
  });

  it('hands out arrays that cannot be changed', () => {
    store.tx(() => {
      store.create('pods', pod('a', 'rs-1'));
      store.list('pods', undefined, { owner: 'rs-1', shared: true });
      const listed = store.list('pods', undefined, { owner: 'rs-1', shared: true });
      expect(() => listed.push(pod('x'))).toThrow(TypeError);
    });
  });
});

describe('staleness', () => {
  it('drops entries after another writer commits', () => {
    store.tx(() => store.create('pods', pod('a', 'rs-1')));
    store.tx(() => expect(names(store.list('pods', 'default', { owner: 'rs-1' }))).toEqual(['a']));
    const other = openStore();
    other.tx(() => other.create('pods', pod('b', 'rs-1')));
    other.tx(() => {
      const a = other.get('pods', 'default', 'a')!;
      a.metadata.labels = { from: 'other' };
      other.update('pods', a);
    });
    other.db.close();
    store.tx(() => {
      const listed = store.list('pods', 'default', { owner: 'rs-1' });
      expect(names(listed)).toEqual(['a', 'b']);
      expect(listed[0].metadata.labels).toEqual({ from: 'other' });
      expect(store.get('pods', 'default', 'a')!.metadata.labels).toEqual({ from: 'other' });
    });
  });

  it('forgets a rolled-back savepoint', () => {
    store.tx(() => {
      store.create('pods', pod('a', 'rs-1'));
      expect(names(store.list('pods', 'default', { owner: 'rs-1' }))).toEqual(['a']);
      expect(() =>
        store.savepoint(() => {
          store.create('pods', pod('b', 'rs-1'));
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(names(store.list('pods', 'default', { owner: 'rs-1' }))).toEqual(['a']);
      expect(store.exists('pods', 'default', 'b')).toBe(false);
    });
  });

  it('forgets a rolled-back transaction', () => {
    expect(() =>
      store.tx(() => {
        store.create('pods', pod('a'));
        throw new Error('command failed');
      }),
    ).toThrow('command failed');
    store.tx(() => expect(store.get('pods', 'default', 'a')).toBeUndefined());
  });
});

describe('work queue', () => {
  it('takes the next key one at a time', () => {
    store.tx(() => {
      store.enqueue('rs', 'default/a');
      store.enqueue('rs', 'default/b');
      expect(store.takeNextQueued()?.key).toBe('default/a');
      expect(store.isQueued('rs', 'default/a')).toBe(false);
      store.enqueue('rs', 'default/a');
      expect(store.takeNextQueued()?.key).toBe('default/b');
      expect(store.takeNextQueued()?.key).toBe('default/a');
      expect(store.takeNextQueued()).toBeUndefined();
    });
    expect(store.db.prepare('SELECT count(*) AS n FROM queue').get()).toEqual({ n: 0 });
  });

  it("takes the scheduler's and the kubelet's keys before the others, in and across transactions", () => {
    store.tx(() => {
      store.enqueue('replicaset', 'default/a');
      store.enqueue('scheduler', 'default/p');
      store.enqueue('endpoints', 'default/b');
      store.enqueue('kubelet', 'default/q');
      expect(store.takeNextQueued()?.key).toBe('default/p');
    });
    store.tx(() => {
      store.enqueue('scheduler', 'default/r');
      expect(store.takeQueued(10).map((i) => `${i.controller} ${i.key}`)).toEqual([
        'kubelet default/q',
        'scheduler default/r',
        'replicaset default/a',
        'endpoints default/b',
      ]);
    });
    const other = openStore();
    try {
      other.tx(() => {
        other.enqueue('replicaset', 'default/a');
        other.enqueue('kubelet', 'default/q');
      });
    } finally {
      other.db.close();
    }
    store.tx(() => expect(store.takeQueued(10).map((i) => i.controller)).toEqual(['kubelet', 'replicaset']));
  });

  it('drops the keys a rolled-back savepoint queued, in both lanes', () => {
    store.tx(() => {
      store.enqueue('replicaset', 'default/a');
      expect(() =>
        store.savepoint(() => {
          store.enqueue('kubelet', 'default/q');
          store.enqueue('replicaset', 'default/b');
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(store.isQueued('kubelet', 'default/q')).toBe(false);
      expect(store.takeQueued(10).map((i) => i.key)).toEqual(['default/a']);
    });
  });

  it('keeps keys queued at commit for the next transaction', () => {
    store.tx(() => {
      store.enqueue('rs', 'default/a');
      store.enqueue('rs', 'default/b');
      store.enqueue('rs', 'default/a');
      expect(store.takeQueued(1).map((i) => i.key)).toEqual(['default/a']);
    });
    const rows = store.db.prepare('SELECT controller, key FROM queue ORDER BY id').all();
    expect(rows).toEqual([{ controller: 'rs', key: 'default/b' }]);
    store.tx(() => {
      store.enqueue('rs', 'default/c');
      expect(store.takeQueued(10).map((i) => i.key)).toEqual(['default/b', 'default/c']);
    });
    expect(store.db.prepare('SELECT count(*) AS n FROM queue').get()).toEqual({ n: 0 });
  });

  it('sees keys another process took or queued', () => {
    store.tx(() => {
      store.enqueue('rs', 'default/a');
      store.enqueue('rs', 'default/b');
    });
    const other = openStore();
    try {
      other.tx(() => {
        expect(other.takeQueued(1).map((i) => i.key)).toEqual(['default/a']);
        other.enqueue('rs', 'default/c');
      });
    } finally {
      other.db.close();
    }
    store.tx(() => expect(store.takeQueued(10).map((i) => i.key)).toEqual(['default/b', 'default/c']));
    expect(store.db.prepare('SELECT count(*) AS n FROM queue').get()).toEqual({ n: 0 });
  });

  it('keeps its queue over transactions that do not touch it', () => {
    store.tx(() => store.enqueue('rs', 'default/a'));
    store.tx(() => store.setMeta('unrelated', '1'));
    store.tx(() => {
      store.enqueue('rs', 'default/b');
      expect(store.takeQueued(10).map((i) => i.key)).toEqual(['default/a', 'default/b']);
    });
    expect(store.db.prepare('SELECT count(*) AS n FROM queue').get()).toEqual({ n: 0 });
  });

  it('restores the queue after a rolled-back transaction', () => {
    store.tx(() => store.enqueue('rs', 'default/a'));
    expect(() =>
      store.tx(() => {
        store.takeQueued(10);
        store.enqueue('rs', 'default/b');
        throw new Error('settle failed');
      }),
    ).toThrow('settle failed');
    store.tx(() => expect(store.takeQueued(10).map((i) => i.key)).toEqual(['default/a']));
  });

  it('drops keys a rolled-back savepoint queued', () => {
    store.tx(() => {
      store.enqueue('rs', 'default/a');
      expect(() =>
        store.savepoint(() => {
          store.enqueue('rs', 'default/b');
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      store.savepoint(() => store.enqueue('rs', 'default/c'));
      expect(store.takeQueued(10).map((i) => i.key)).toEqual(['default/a', 'default/c']);
    });
  });

  it('undoes writes after a read-only savepoint', () => {
    store.tx(() => {
      store.create('pods', pod('a'));
      expect(() =>
        store.savepoint(() => {
          store.get('pods', 'default', 'a');
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(() =>
        store.savepoint(() => {
          store.remove('pods', 'default', 'a');
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(store.exists('pods', 'default', 'a')).toBe(true);
    });
    expect(store.tx(() => store.get('pods', 'default', 'a'))?.metadata.name).toBe('a');
  });
});
