package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ListBlock", description = "A bulleted or numbered list.")
public record ListBlock(@NotNull Boolean ordered, @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 5000) String> items) implements Block {
    @JsonProperty("type")
    @Schema(enumeration = "list", required = true)
    public String getType() {
        return "list";
    }

    @Override
    public Block sanitized(Sanitizer s) {
        return new ListBlock(ordered, items.stream().map(s::inline).toList());
    }

    @Override
    public String plainText() {
        return String.join(" ", items.stream().map(Sanitizer::textOf).toList());
    }
}
