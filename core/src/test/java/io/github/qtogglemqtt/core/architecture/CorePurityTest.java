package io.github.qtogglemqtt.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * R1 of STYLE.md 4.11, repeated in core so that a wrong dependency fails in the module that
 * introduced it (the full suite lives in the app module).
 */
@AnalyzeClasses(
    packages = "io.github.qtogglemqtt.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class CorePurityTest {

  @ArchTest
  static final ArchRule core_depends_only_on_the_jdk_and_jspecify =
      classes()
          .that()
          .resideInAPackage("io.github.qtogglemqtt.core..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "io.github.qtogglemqtt.core..", "org.jspecify.annotations..")
          .because("core is the reusable domain; I/O and frameworks belong to adapters");

  @ArchTest
  static final ArchRule core_uses_no_io_logging_or_reflection_of_the_jdk =
      noClasses()
          .that()
          .resideInAPackage("io.github.qtogglemqtt.core..")
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
}
