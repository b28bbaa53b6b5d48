package io.github.qtogglemqtt.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.DependencyRules;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import io.github.qtogglemqtt.core.spi.JsonEncoderFactory;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;
import java.util.List;
import org.slf4j.Logger;

/**
 * The architecture rules R1-R14 of STYLE.md 4.11, over every module's production classes. It lives
 * in the app because only the app has every module on its class path.
 */
@AnalyzeClasses(
    packages = "io.github.qtogglemqtt",
    importOptions = {ImportOption.DoNotIncludeTests.class, ExcludeTestJars.class})
class ArchitectureTest {
  private static final String ROOT = "io.github.qtogglemqtt";
  private static final String CORE = ROOT + ".core..";
  private static final String ADAPTER = ROOT + ".adapter..";
  private static final String APP = ROOT + ".app..";

  /**
   * Public and reachable from outside the package: a member type is only as visible as the types
   * around it (the records nested in a package-private interface are implicitly public, yet
   * hidden).
   */
  private static final DescribedPredicate<JavaClass> EFFECTIVELY_PUBLIC =
      DescribedPredicate.describe(
          "are public (reachable from outside their package)",
          javaClass -> {
            for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
              if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
              }
            }
            return true;
          });

  // R1 — core is pure.

  @ArchTest
  static final ArchRule r1_core_depends_only_on_the_jdk_core_and_jspecify =
      classes()
          .that()
          .resideInAPackage(CORE)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", CORE, "org.jspecify.annotations..")
          .because("core is the reusable domain; I/O and frameworks belong to adapters");

  @ArchTest
  static final ArchRule r1_core_uses_no_io_logging_or_reflection_of_the_jdk =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.net.http..",
              "java.nio.channels..",
              "java.sql..",
              "java.util.logging..",
              "java.lang.reflect..")
          .orShould()
          .dependOnClassesThat()
          .haveNameMatching("java\\.net\\.Socket.*")
          .because("core is the reusable domain; I/O and frameworks belong to adapters");

  // R2 — no framework in core, each named for a readable failure.

  @ArchTest
  static final ArchRule r2_no_guice_in_core = noCoreDependencyOn("com.google.inject..", "Guice");

  @ArchTest
  static final ArchRule r2_no_jakarta_inject_in_core =
      noCoreDependencyOn("jakarta.inject..", "jakarta.inject");

  @ArchTest
  static final ArchRule r2_no_javax_inject_in_core =
      noCoreDependencyOn("javax.inject..", "javax.inject");

  @ArchTest static final ArchRule r2_no_slf4j_in_core = noCoreDependencyOn("org.slf4j..", "SLF4J");

  @ArchTest
  static final ArchRule r2_no_paho_in_core = noCoreDependencyOn("org.eclipse.paho..", "Paho");

  @ArchTest
  static final ArchRule r2_no_hivemq_in_core = noCoreDependencyOn("com.hivemq..", "HiveMQ");

  @ArchTest
  static final ArchRule r2_no_mustache_in_core =
      noCoreDependencyOn("com.github.mustachejava..", "Mustache.java");

  @ArchTest
  static final ArchRule r2_no_pebble_in_core = noCoreDependencyOn("io.pebbletemplates..", "Pebble");

  @ArchTest
  static final ArchRule r2_no_json_library_in_core =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.fasterxml.jackson..",
              "com.google.gson..",
              "org.json..",
              "jakarta.json..",
              "javax.json..",
              "com.alibaba.fastjson..",
              "com.squareup.moshi..")
          .because(
              "the core's value model is plain Java; JSON encoding is the JsonEncoder port's"
                  + " adapter");

  private static ArchRule noCoreDependencyOn(String packages, String what) {
    return noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(packages)
        .because("%s is a framework or library; core must stay free of it".formatted(what));
  }

  // R3 — core inner layering.

  @ArchTest
  static final ArchRule r3_core_inner_layering =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Model")
          .definedBy(ROOT + ".core.model..", ROOT + ".core.error..")
          .layer("Ports")
          .definedBy(ROOT + ".core.port..", ROOT + ".core.spi..")
          .layer("Logic")
          .definedBy(ROOT + ".core.filter..", ROOT + ".core.handler..")
          .whereLayer("Logic")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Ports")
          .mayOnlyBeAccessedByLayers("Logic")
          .whereLayer("Model")
          .mayOnlyBeAccessedByLayers("Ports", "Logic")
          .because(
              "the model knows nothing of ports or logic, and ports know nothing of the logic"
                  + " that uses them");

  // R4 — ports are independent of each other.

  @ArchTest
  static final ArchRule r4_driving_ports_do_not_depend_on_driven_ports =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".core.port.in..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".core.port.out..")
          .because("driving and driven ports change for different reasons");

  @ArchTest
  static final ArchRule r4_driven_ports_do_not_depend_on_driving_ports =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".core.port.out..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".core.port.in..")
          .because("driving and driven ports change for different reasons");

  // R5 — hexagon-wide layers.

  @ArchTest
  static final ArchRule r5_hexagon_layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Core")
          .definedBy(CORE)
          .layer("Adapters")
          .definedBy(ADAPTER)
          .layer("App")
          .definedBy(APP)
          .whereLayer("Adapters")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("App")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Core")
          .mayOnlyBeAccessedByLayers("Adapters", "App")
          .because(
              "the app reaches adapters only through ServiceLoader and core.spi, never by class"
                  + " reference");

  // R6 — adapters are isolated.

  @ArchTest
  static final ArchRule r6_adapters_are_isolated_from_each_other =
      slices()
          .matching(ROOT + ".adapter.(*).(*)..")
          .should()
          .notDependOnEachOther()
          .because("each adapter must be removable and replaceable on its own");

  // R7 — adapters only use the core's public contract.

  @ArchTest
  static final ArchRule r7_adapters_use_only_the_public_contract_of_core =
      noClasses()
          .that()
          .resideInAPackage(ADAPTER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".core.handler..", ROOT + ".core.filter..")
          .because("adapters see the model, ports, SPI and errors only; the logic may change");

  // R8 — technology confinement.

  @ArchTest
  static final ArchRule r8_only_the_paho_adapter_uses_paho =
      confined("org.eclipse.paho..", ROOT + ".adapter.mqtt.paho..");

  @ArchTest
  static final ArchRule r8_only_the_hivemq_adapter_uses_hivemq =
      confined("com.hivemq..", ROOT + ".adapter.mqtt.hivemq..");

  @ArchTest
  static final ArchRule r8_only_the_mustache_adapter_uses_mustache =
      confined("com.github.mustachejava..", ROOT + ".adapter.template.mustache..");

  @ArchTest
  static final ArchRule r8_only_the_pebble_adapter_uses_pebble =
      confined("io.pebbletemplates..", ROOT + ".adapter.template.pebble..");

  @ArchTest
  static final ArchRule r8_jackson_only_in_the_json_adapter_sources_and_app =
      confined(
          "com.fasterxml.jackson..",
          ROOT + ".adapter.template.jackson..",
          ROOT + ".adapter.source..",
          APP);

  @ArchTest
  static final ArchRule r8_jdk_http_client_only_in_sources_and_app =
      confined("java.net.http..", ROOT + ".adapter.source..", APP);

  @ArchTest
  static final ArchRule r8_jdk_http_server_only_in_sources_and_app =
      confined("com.sun.net.httpserver..", ROOT + ".adapter.source..", APP);

  @ArchTest static final ArchRule r8_guice_only_in_app = confined("com.google.inject..", APP);

  @ArchTest static final ArchRule r8_jakarta_inject_only_in_app = confined("jakarta.inject..", APP);

  private static ArchRule confined(String library, String... allowedIn) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(allowedIn)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library)
        .because("third-party types must not leak past the module that owns them");
  }

  // R9 — ports leak nothing.

  @ArchTest
  static final ArchRule r9_ports_and_spi_expose_only_core_and_jdk_types =
      classes()
          .that()
          .resideInAnyPackage(ROOT + ".core.port..", ROOT + ".core.spi..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "org.jspecify..",
              ROOT + ".core.model..",
              ROOT + ".core.error..",
              ROOT + ".core.port..",
              ROOT + ".core.spi..")
          .because("a port signature with a library type ties every adapter to that library");

  // R10 — adapter public surface.

  @ArchTest
  static final ArchRule r10_the_only_public_adapter_types_are_spi_factories =
      classes()
          .that()
          .resideInAPackage(ADAPTER)
          .and(EFFECTIVELY_PUBLIC)
          .should()
          .beAssignableTo(
              assignableTo(BrokerPublisherFactory.class)
                  .or(assignableTo(TemplateEngineFactory.class))
                  .or(assignableTo(JsonEncoderFactory.class))
                  .or(assignableTo(EventSourceFactory.class)))
          .andShould()
          .haveSimpleNameEndingWith("Factory")
          .because("ServiceLoader needs the factory public; everything else stays package-private");

  // R11 — naming follows role.

  @ArchTest
  static final ArchRule r11_broker_publishers_are_named_and_placed_for_their_role =
      classes()
          .that()
          .implement(BrokerPublisher.class)
          .should()
          .haveSimpleNameEndingWith("BrokerPublisher")
          .andShould()
          .resideInAPackage("..adapter.mqtt..")
          .because("a reader finds a port's implementations by name and place");

  @ArchTest
  static final ArchRule r11_template_engines_are_named_and_placed_for_their_role =
      classes()
          .that()
          .implement(TemplateEngine.class)
          .should()
          .haveSimpleNameEndingWith("TemplateEngine")
          .andShould()
          .resideInAPackage("..adapter.template..")
          .because("a reader finds a port's implementations by name and place");

  @ArchTest
  static final ArchRule r11_spi_factories_end_with_factory =
      classes()
          .that()
          .implement(BrokerPublisherFactory.class)
          .or()
          .implement(TemplateEngineFactory.class)
          .or()
          .implement(JsonEncoderFactory.class)
          .or()
          .implement(EventSourceFactory.class)
          .should()
          .haveSimpleNameEndingWith("Factory")
          .because("a reader finds a port's implementations by name and place");

  @ArchTest
  static final ArchRule r11_guice_modules_are_named_and_placed_for_their_role =
      classes()
          .that()
          .areAssignableTo(com.google.inject.AbstractModule.class)
          .should()
          .haveSimpleNameEndingWith("Module")
          .andShould()
          .resideInAPackage(ROOT + ".app.wiring..")
          .because("wiring lives in one place");

  @ArchTest
  static final ArchRule r11_no_interface_is_named_for_its_kind =
      noClasses()
          .that()
          .areInterfaces()
          .should()
          .haveSimpleNameEndingWith("Interface")
          .orShould()
          .haveNameMatching(".*\\.I[A-Z][^.$]*")
          .orShould()
          .haveSimpleNameEndingWith("Port")
          .because("the role is in the type name, the direction in the package");

  @ArchTest
  static final ArchRule r11_no_impl_packages =
      noClasses()
          .should()
          .resideInAPackage("..impl..")
          .because("implementations hide behind package-private visibility, not in impl packages");

  // R12 — coding rules.

  @ArchTest
  static final ArchRule r12_only_the_command_line_touches_standard_streams =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".app.cli..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("standard output carries render's results; everything else logs");

  @ArchTest
  static final ArchRule r12_no_generic_exceptions =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.because(
          "exceptions come from core.error, with a kind");

  @ArchTest
  static final ArchRule r12_no_java_util_logging =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because(
          "adapters and app log through SLF4J");

  @ArchTest
  static final ArchRule r12_no_field_injection =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.because(
          "constructor injection only");

  @ArchTest
  static final ArchRule r12_no_dependency_on_upper_packages =
      DependencyRules.NO_CLASSES_SHOULD_DEPEND_UPPER_PACKAGES.because(
          "a package depends on its sub-packages, not the reverse");

  @ArchTest
  static final ArchRule r12_loggers_are_private_static_final =
      fields()
          .that()
          .haveRawType(Logger.class)
          .should()
          .bePrivate()
          .andShould()
          .beStatic()
          .andShould()
          .beFinal()
          .because("one logger per class, in one shape");

  // R13 — no cycles.

  @ArchTest
  static final ArchRule r13_modules_are_free_of_cycles =
      slices()
          .matching(ROOT + ".(*)..")
          .should()
          .beFreeOfCycles()
          .because("a cycle between core, adapters and app breaks the hexagon");

  @ArchTest
  static final ArchRule r13_core_packages_are_free_of_cycles =
      slices()
          .matching(ROOT + ".core.(*)..")
          .should()
          .beFreeOfCycles()
          .because("core's packages form a layered whole");

  // R14 — rules cannot be vacuous.

  /** Every package the rules above name; a rule over an empty package passes for nothing. */
  static final List<String> NAMED_PACKAGES =
      List.of(
          ROOT + ".core.model",
          ROOT + ".core.port.in",
          ROOT + ".core.port.out",
          ROOT + ".core.spi",
          ROOT + ".core.handler",
          ROOT + ".adapter.mqtt.paho",
          ROOT + ".adapter.mqtt.hivemq",
          ROOT + ".adapter.template.pebble",
          ROOT + ".adapter.template.mustache",
          ROOT + ".adapter.template.jackson",
          ROOT + ".adapter.source.replay",
          ROOT + ".adapter.source.simulator",
          ROOT + ".adapter.source.qtoggle");

  @ArchTest
  static void r14_every_named_package_has_classes(JavaClasses classes) {
    for (String name : NAMED_PACKAGES) {
      assertThat(classes.stream().map(JavaClass::getPackageName).anyMatch(name::equals))
          .as("package %s has at least one production class", name)
          .isTrue();
    }
  }
}
