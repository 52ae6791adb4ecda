package news.masthead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;

@AnalyzeClasses(packages = "news.masthead", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DescribedPredicate<JavaClass> ENTITY_OR_REPOSITORY =
            DescribedPredicate.describe("an entity or a repository",
                    c -> c.isAnnotatedWith(Entity.class) || c.isAssignableTo(PanacheRepositoryBase.class));

    @ArchTest
    static final ArchRule resourcesNeverTouchEntitiesOrRepositories = noClasses()
            .that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat(ENTITY_OR_REPOSITORY)
            .because("resources are adapters: entities never cross the API");

    @ArchTest
    static final ArchRule apiRecordsNeverHoldEntities = noClasses()
            .that().resideInAPackage("..api..")
            .should().dependOnClassesThat(ENTITY_OR_REPOSITORY);

    @ArchTest
    static final ArchRule domainExceptionsCarryNoHttp = noClasses()
            .that().resideInAPackage("..common.error..").and().haveSimpleNameEndingWith("Exception")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..");

    @ArchTest
    static final ArchRule servicesDoNotCallResources = noClasses()
            .that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().areAnnotatedWith(Path.class);

    @ArchTest
    static final ArchRule everyEndpointDeclaresItsPermission = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
            .and().arePublic()
            .should(declarePermission())
            .because("an endpoint without a declared permission must not exist (fail closed)");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("news.masthead.(*)..")
            .should().beFreeOfCycles()
            .because("a feature that needs another's data asks through a port the other owns, never both ways");

    @ArchTest
    static final ArchRule cdnDependsOnNoFeatureThatWrites = noClasses()
            .that().resideInAPackage("news.masthead.cdn..")
            .should().dependOnClassesThat().resideOutsideOfPackages("news.masthead.cdn..", "news.masthead.common..",
                    "news.masthead.access..", "java..", "jakarta..", "io..", "org..", "com..")
            .because("writes reach the purge outbox through PublicChange, so no feature's change can need cdn back");

    @ArchTest
    static final ArchRule onlyCdnTouchesThePurgeOutbox = noClasses()
            .that().resideOutsideOfPackage("news.masthead.cdn..")
            .should().dependOnClassesThat().haveFullyQualifiedName("news.masthead.cdn.CdnPurge")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("news.masthead.cdn.PurgeQueue");

    @ArchTest
    static final ArchRule transactionsLiveOnServices = noClasses()
            .that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional");

    private static ArchCondition<JavaMethod> declarePermission() {
        List<Class<? extends java.lang.annotation.Annotation>> http = List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);
        return new ArchCondition<>("declare @RolesAllowed, @PermitAll, @DenyAll or @AuthorizationPolicy") {
            @Override
            public void check(JavaMethod m, ConditionEvents events) {
                boolean endpoint = http.stream().anyMatch(m::isAnnotatedWith) || m.isAnnotatedWith(Path.class);
                if (!endpoint) {
                    return;
                }
                boolean declared = m.isAnnotatedWith(RolesAllowed.class) || m.isAnnotatedWith(PermitAll.class)
                        || m.isAnnotatedWith(DenyAll.class) || m.isAnnotatedWith(io.quarkus.vertx.http.security.AuthorizationPolicy.class)
                        || m.getOwner().isAnnotatedWith(RolesAllowed.class)
                        || m.getOwner().isAnnotatedWith(PermitAll.class) || m.getOwner().isAnnotatedWith(DenyAll.class);
                if (!declared) {
                    events.add(SimpleConditionEvent.violated(m, m.getFullName() + " declares no permission"));
                }
            }
        };
    }
}
