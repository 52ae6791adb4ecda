package news.masthead.article.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HtmlBlock", description = "Custom HTML, sanitized on write against an allowlist.")
public record Html(@NotNull @Size(max = 100000) String html) implements Block {
    @JsonProperty("type")
    @Schema(enumeration = "html", required = true)
    public String getType() {
        return "html";
    }

    @Override
    public Block sanitized(Sanitizer s) {
        return new Html(s.html(html));
    }

    @Override
    public String plainText() {
        return Sanitizer.textOf(html);
    }
}
