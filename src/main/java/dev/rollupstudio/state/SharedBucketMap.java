package dev.rollupstudio.state;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A hash map split into buckets that copies share: {@link #copy()} costs the bucket array, and a
 * write copies only the bucket it changes. A chain keeps a state copy per recent block, so 256
 * copies of a state in which each block changes a few accounts cost those accounts, not 256 times
 * the whole state. Not thread-safe; a bucket shared with a copy is never changed again, so a copy
 * handed to other threads is safe to read while its origin goes on writing.
 */
final class SharedBucketMap<K, V> {
    private static final int FIRST_BUCKETS = 16;
    /** Entries per bucket on average before the buckets double. */
    private static final int BUCKET_LOAD = 32;

    private HashMap<K, V>[] buckets;
    /** Whether this map alone holds the bucket, so it may change it in place. */
    private boolean[] owned;
    private int size;

    SharedBucketMap() {
        this(newBuckets(FIRST_BUCKETS), 0);
    }

    private SharedBucketMap(HashMap<K, V>[] buckets, int size) {
        this.buckets = buckets;
        this.owned = new boolean[buckets.length];
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> HashMap<K, V>[] newBuckets(int n) {
        return (HashMap<K, V>[]) new HashMap[n];
    }

    private int index(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (buckets.length - 1);
    }

    V get(Object key) {
        HashMap<K, V> b = buckets[index(key)];
        return b == null ? null : b.get(key);
    }

    V getOrDefault(Object key, V fallback) {
        V v = get(key);
        return v == null ? fallback : v;
    }

    boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Values are never null, so a null answer means the key was absent. */
    V put(K key, V value) {
        V old = writable(index(key)).put(key, value);
        if (old == null && ++size > buckets.length * BUCKET_LOAD) grow();
        return old;
    }

    V computeIfAbsent(K key, Function<? super K, ? extends V> make) {
        V v = get(key);
        if (v == null) put(key, v = make.apply(key));
        return v;
    }

    V remove(Object key) {
        int i = index(key);
        if (buckets[i] == null || !buckets[i].containsKey(key)) return null;
        size--;
        return writable(i).remove(key);
    }

    int size() {
        return size;
    }

    void forEach(BiConsumer<? super K, ? super V> action) {
        for (HashMap<K, V> b : buckets) if (b != null) b.forEach(action);
    }

    Map<K, V> toMap() {
        Map<K, V> all = new HashMap<>(size * 2);
        forEach(all::put);
        return all;
    }

    /** A map with the same entries; from now on both copy a bucket before changing it. */
    SharedBucketMap<K, V> copy() {
        Arrays.fill(owned, false);
        return new SharedBucketMap<>(buckets.clone(), size);
    }

    private HashMap<K, V> writable(int i) {
        if (!owned[i]) {
            buckets[i] = buckets[i] == null ? new HashMap<>() : new HashMap<>(buckets[i]);
            owned[i] = true;
        }
        return buckets[i];
    }

    private void grow() {
        HashMap<K, V>[] old = buckets;
        buckets = newBuckets(old.length * 2);
        owned = new boolean[buckets.length];
        for (HashMap<K, V> b : old) if (b != null) b.forEach((k, v) -> writable(index(k)).put(k, v));
    }
}
