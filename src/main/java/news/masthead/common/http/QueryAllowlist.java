package news.masthead.common.http;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import news.masthead.common.error.InvalidException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the operation does not declare is a 400: a typo in a filter must not
 * silently widen a result, and nothing may probe for parameters we never offered.
 */
public class QueryAllowlist {
    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void filter(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> allowed = DECLARED.computeIfAbsent(method, QueryAllowlist::declared);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidException(name, "is not a query parameter of this operation");
            }
        }
    }

    private static Set<String> declared(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        for (Class<?> type : method.getParameterTypes()) {
            // A bean parameter's own fields and those it inherits (ArticleFilters extends PageParams).
            for (Class<?> c = type; isBeanParam(method, type) && c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    QueryParam q = f.getAnnotation(QueryParam.class);
                    if (q != null) {
                        names.add(q.value());
                    }
                }
            }
        }
        return Set.copyOf(names);
    }

    private static boolean isBeanParam(Method method, Class<?> type) {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == type) {
                for (Annotation a : annotations[i]) {
                    if (a instanceof BeanParam) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
