package io.github.qtogglemqtt.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Leaves out test-jars ({@code *-tests.jar}, such as core's fakes and contracts), which {@link
 * ImportOption.DoNotIncludeTests} misses: in a reactor build past {@code package}, Maven puts the
 * jar on the class path instead of the {@code test-classes} folder.
 */
final class ExcludeTestJars implements ImportOption {
  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

  @Override
  public boolean includes(Location location) {
    return !location.matches(TEST_JAR);
  }
}
