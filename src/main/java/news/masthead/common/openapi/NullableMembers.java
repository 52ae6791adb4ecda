package news.masthead.common.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @JsonUnwrapped} component: these members of the unwrapped record may be null here,
 * though they never are where the record stands alone (a preview of a draft has no
 * {@code publishedAt}; a published Article always has one). Read by {@link ExactTypes}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface NullableMembers {
    String[] value();
}
