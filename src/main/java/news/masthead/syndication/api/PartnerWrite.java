package news.masthead.syndication.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerWrite")
public record PartnerWrite(
        @NotBlank @Size(max = 200) @Schema(example = "Riverside Gazette") String name,
        @Size(max = 50) @Schema(description = "Section slugs it may receive (with subsections); empty means all.")
        List<@NotBlank @Size(max = 120) String> sections,
        @Schema(description = "Receives embargoed stories at once, marked embargoed.") Boolean receivesEmbargoed) {
}
