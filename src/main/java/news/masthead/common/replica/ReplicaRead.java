package news.masthead.common.replica;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public read that may be answered by the read replica: the Content API's reads and the public
 * feeds. Everything else (admin, preview, syndication, every write, background work) runs on the
 * primary. Whether this read does go to the replica is decided when its database session opens
 * ({@link ReplicaTenants}): only when the replica has replayed every change this instance has heard
 * of and is not lagging past the bound.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReplicaRead {
}
