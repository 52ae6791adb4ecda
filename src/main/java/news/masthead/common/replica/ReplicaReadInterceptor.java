package news.masthead.common.replica;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Marks the thread for the duration of a {@link ReplicaRead}. Runs outside {@code @Transactional}
 * (a lower priority), so a session the read opens, with or without a transaction, sees the mark.
 */
@ReplicaRead
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class ReplicaReadInterceptor {
    private static final ThreadLocal<Boolean> PUBLIC_READ = new ThreadLocal<>();

    @AroundInvoke
    Object mark(InvocationContext ctx) throws Exception {
        if (Boolean.TRUE.equals(PUBLIC_READ.get())) {
            return ctx.proceed();
        }
        PUBLIC_READ.set(Boolean.TRUE);
        try {
            return ctx.proceed();
        } finally {
            PUBLIC_READ.remove();
        }
    }

    static boolean inPublicRead() {
        return Boolean.TRUE.equals(PUBLIC_READ.get());
    }
}
