package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.orchestrator.dashboard.DashboardServer;
import dev.arraysweep.testkit.Require;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (issue 17 item 6): Debian's Chromium, headless, through its chromedriver (given
 * by path, so Selenium Manager downloads nothing). With {@code ARRAYSWEEP_SCREENSHOT=FILE} it also writes the
 * README's screenshot of the curve panels.
 */
class DashboardBrowserTest {
    /** Where to write a screenshot of the curves, e.g. {@code ../docs/dashboard.png}; unset: none. */
    static final String SCREENSHOT_ENV = "ARRAYSWEEP_SCREENSHOT";

    @TempDir
    Path dir;

    private static ChromeDriver browser() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(Require.CHROMIUM.toFile());
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-extensions",
                "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Require.CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, o);
    }

    @Test
    void pageLoadsWithoutErrors_listsTheRuns_drawsCurves_andShowsNewEpochsAndFailuresLive() throws Exception {
        Require.chromium();
        DashboardFixture fx = new DashboardFixture(dir.resolve("work"));
        Context ctx = fx.context();
        ChromeDriver driver = null;
        try (DashboardServer server = DashboardCommand.start(ctx, 0, "localhost", null)) {
            driver = browser();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            driver.get(server.url() + "#/sweep/demo/runs");
            wait.until(d -> d.findElements(By.cssSelector("#runs tbody tr")).size() == 8);
            List<WebElement> rows = driver.findElements(By.cssSelector("#runs tbody tr"));
            assertThat(rows.get(0).getAttribute("class")).contains("done");
            WebElement run6 = driver.findElement(By.cssSelector("#runs tr[data-index='6'] td.epochs"));
            assertThat(run6.getText()).isEqualTo("2/4");

            // a worker journals an epoch and another run fails: both show without a reload
            Object marker = driver.executeScript("window.__noReload = 1; return window.__noReload;");
            fx.epoch(6, 2);
            fx.fail(7, 1, "RuntimeException: out of memory\n\tat somewhere");
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector("#runs tr[data-index='6'] td.epochs"))
                            .getText()
                            .equals("3/4"));
            WebElement failed = new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector("#runs tr[data-index='7'].failed")));
            assertThat(failed.findElement(By.cssSelector("td.err")).getText())
                    .isEqualTo("RuntimeException: out of memory");
            assertThat(failed.findElement(By.cssSelector("td.err")).getCssValue("color"))
                    .isEqualTo("rgba(198, 40, 40, 1)");
            assertThat(driver.executeScript("return window.__noReload;")).isEqualTo(marker);

            // the curve panels: one uPlot per configuration, with a canvas that has a size
            driver.get(server.url() + "#/sweep/demo/curves");
            wait.until(
                    d -> d.findElements(By.cssSelector("#panels .uplot canvas")).size() == 2);
            long width = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return document.querySelector('#panels .uplot canvas').width;");
            assertThat(width).isGreaterThan(100);

            // the run page shows the error in red
            driver.get(server.url() + "#/run/demo/7");
            WebElement error = wait.until(d -> d.findElement(By.id("run-error")));
            assertThat(error.getText()).startsWith("RuntimeException: out of memory");

            String shot = System.getenv(SCREENSHOT_ENV);
            if (shot != null && !shot.isBlank()) {
                driver.get(server.url() + "#/sweep/demo/curves");
                wait.until(d ->
                        d.findElements(By.cssSelector("#panels .uplot canvas")).size() == 2);
                Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(png, Path.of(shot), StandardCopyOption.REPLACE_EXISTING);
            }

            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .toList();
            assertThat(severe).as("console errors").isEmpty();
        } finally {
            if (driver != null) {
                driver.quit();
            }
            ctx.closeDatabases();
        }
    }
}
