package news.masthead.common.cache;

/** A cached value that knows roughly how many bytes of heap it holds, so the cache can be bounded by memory. */
public interface Sized {
    long sizeInBytes();
}
