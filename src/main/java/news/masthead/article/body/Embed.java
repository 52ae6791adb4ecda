package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EmbedBlock", description = "A link to embeddable media (video, post), rendered by the frontend.")
public record Embed(@NotBlank @Size(max = 2000) @WebUrl String url) implements Block {
    @JsonProperty("type")
    @Schema(enumeration = "embed", required = true)
    public String getType() {
        return "embed";
    }

    @Override
    public Block sanitized(Sanitizer s) {
        return this;
    }

    @Override
    public String plainText() {
        return "";
    }
}
