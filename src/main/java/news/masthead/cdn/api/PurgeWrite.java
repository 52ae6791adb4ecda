package news.masthead.cdn.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Surrogate keys to purge from the CDN. */
@Schema(name = "PurgeWrite", description = "Surrogate keys to purge, as Content API answers name them in "
        + "Surrogate-Key: `article-<id>`, `section-<id>`, `author-<id>`, `notice-<id>`, and `articles`, "
        + "`sections`, `authors` for every list of them.")
public record PurgeWrite(
        @NotEmpty @Size(max = 100)
        @Schema(example = "[\"article-7b0f3c1e-2a55-4c1e-9d1e-5f0b6a8e2c11\", \"articles\"]")
        List<@NotNull @Size(min = 1, max = 200) @Pattern(regexp = "^[A-Za-z0-9._:~-]+$",
                message = "must be letters, digits and . _ : ~ - only") String> keys) {
}
