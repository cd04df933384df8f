package com.drdailyreport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Every XML file of the build is well-formed: the parent and module POMs, and each module's
 * {@code src/main/resources} and {@code src/test/resources} {@code *.xml} (the modules are read from
 * the parent POM, so a new one is covered without touching this test). Issue 14: a {@code --} inside
 * the opening comment of local's {@code logback.xml} made every {@code bin/dr-local} start print a
 * {@code JoranException} and lose all logging. Logback configurations are also loaded by logback itself,
 * which must report no error.
 */
class XmlResourcesTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyPomAndXmlResourceOfTheBuildIsWellFormed() throws Exception {
        List<Path> files = xmlFilesOfTheBuild();
        assertThat(files).as("the files checked").contains(REPO.resolve("pom.xml"), REPO.resolve("local/pom.xml"),
                REPO.resolve("local/src/main/resources/logback.xml"));

        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                parse(file);
            } catch (SAXParseException e) {
                problems.add(REPO.relativize(file) + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            } catch (SAXException e) {
                problems.add(REPO.relativize(file) + ": " + e.getMessage());
            }
        }
        assertThat(problems).as("XML files that do not parse").isEmpty();
    }

    @Test
    void everyLogbackConfigurationLoadsWithoutErrors() throws Exception {
        List<Path> configs = xmlFilesOfTheBuild().stream().filter(p -> p.getFileName().toString().startsWith("logback")).toList();
        assertThat(configs).as("logback configurations").hasSizeGreaterThanOrEqualTo(2);

        List<String> problems = new ArrayList<>();
        for (Path config : configs) {
            LoggerContext context = new LoggerContext();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(config.toFile());
            } catch (JoranException e) {
                problems.add(REPO.relativize(config) + ": " + e.getMessage());
            }
            for (Status status : context.getStatusManager().getCopyOfStatusList()) {
                if (status.getLevel() == Status.ERROR) {
                    problems.add(REPO.relativize(config) + ": " + status.getMessage());
                }
            }
            context.stop();
        }
        assertThat(problems).as("logback errors").isEmpty();
    }

    @Test
    void aCommentWithADoubleHyphenIsCaught() throws Exception {
        Path bad = Files.createTempFile("bad-", ".xml");
        try {
            Files.writeString(bad, "<!-- run with --once -->\n<configuration/>\n");
            assertThatThrownBy(() -> parse(bad)).isInstanceOf(SAXParseException.class);
        } finally {
            Files.delete(bad);
        }
    }

    /** The parent POM, each module's POM and the XML files under its main and test resources. */
    private static List<Path> xmlFilesOfTheBuild() throws Exception {
        List<Path> files = new ArrayList<>();
        Path parent = REPO.resolve("pom.xml");
        files.add(parent);
        NodeList modules = parse(parent).getElementsByTagName("module");
        assertThat(modules.getLength()).as("modules in the parent POM").isPositive();
        for (int i = 0; i < modules.getLength(); i++) {
            Path module = REPO.resolve(modules.item(i).getTextContent().trim());
            files.add(module.resolve("pom.xml"));
            for (String resources : List.of("src/main/resources", "src/test/resources")) {
                Path dir = module.resolve(resources);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".xml")).sorted().forEach(files::add);
                    }
                }
            }
        }
        return files;
    }

    private static Document parse(Path file) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder.parse(file.toFile());
    }
}
