package zone.dimo.sdk.codegen;

import com.google.common.collect.ImmutableMap;
import com.samskivert.mustache.Mustache;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.servers.Server;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.CodegenResponse;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * The Java client generator (library {@code retrofit2}) with what our templates need and the
 * stock generator cannot give:
 *
 * <ul>
 *   <li>lambdas {@code doc0}, {@code doc2}, {@code doc4} that turn the spec's Markdown into Javadoc
 *       for a comment indented by 0, 2 or 4 spaces ({@link Javadoc}), wrapped at 100 columns
 *       ({@code docp0}, {@code docp2}: after a {@code <p>} on the first line);
 *   <li>exact import lists for interfaces and models, so the templates write short names;
 *   <li>per-operation texts from the spec: the raw summary, the success response's description
 *       for {@code @return}, and the {@code @deprecated} text built from {@code x-dimo-upstream};
 *   <li>one {@code package-info.java} per generated package (JSpecify {@code @NullMarked});
 *   <li>rules the templates rely on, checked at generation time: enums are string enums defined
 *       as schemas, no property name collides with a method every model has, retired operations
 *       are {@code deprecated: true} and vice versa;
 *   <li>no donation banner on standard output: a quiet build stays quiet.
 * </ul>
 */
public class DimoJavaCodegen extends JavaClientCodegen {

  /** Methods every generated model has; a property with one of these names would clash. */
  private static final Set<String> MODEL_METHODS =
      Set.of("builder", "newBuilder", "equals", "hashCode", "toString", "getClass");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** JDK types the generator can put into a signature, by simple name. */
  private static final Map<String, String> JDK_TYPES = Map.of(
      "List", "java.util.List",
      "Map", "java.util.Map",
      "Set", "java.util.Set",
      "BigDecimal", "java.math.BigDecimal",
      "OffsetDateTime", "java.time.OffsetDateTime",
      "LocalDate", "java.time.LocalDate",
      "UUID", "java.util.UUID",
      "URI", "java.net.URI");

  private static final String NULLABLE = "org.jspecify.annotations.Nullable";

  @Override
  public String getName() {
    return "dimo-java";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    // No ApiClient, auth, JSON or CollectionFormats: only a package-info per package.
    supportingFiles.clear();
    supportingFiles.add(new SupportingFile("modelPackageInfo.mustache",
        (sourceFolder + File.separator + modelPackage).replace(".", File.separator), "package-info.java"));
    supportingFiles.add(new SupportingFile("apiPackageInfo.mustache",
        (sourceFolder + File.separator + apiPackage).replace(".", File.separator), "package-info.java"));
  }

  @Override
  protected ImmutableMap.Builder<String, Mustache.Lambda> addMustacheLambdas() {
    return super.addMustacheLambdas()
        .put("doc0", (fragment, out) -> out.write(Javadoc.format(fragment.execute(), "")))
        .put("doc2", (fragment, out) -> out.write(Javadoc.format(fragment.execute(), "  ")))
        .put("doc4", (fragment, out) -> out.write(Javadoc.format(fragment.execute(), "    ")))
        // after a "<p>" the template wrote on the same line
        .put("docp0", (fragment, out) -> out.write(Javadoc.format(fragment.execute(), "", 3)))
        .put("docp2", (fragment, out) -> out.write(Javadoc.format(fragment.execute(), "  ", 3)));
  }

  /** The stock generator prints a donation banner here, once per spec; a quiet build prints nothing. */
  @Override
  public void postProcess() {
  }

  @Override
  public CodegenOperation fromOperation(String path, String httpMethod, Operation operation, List<Server> servers) {
    CodegenOperation op = super.fromOperation(path, httpMethod, operation, servers);
    // The stock summary is escaped for a Java string (quotes backslashed, newlines dropped).
    String summary = operation.getSummary() != null ? operation.getSummary().trim() : op.operationIdOriginal;
    op.vendorExtensions.put("x-dimo-summary", summary);
    for (CodegenResponse response : op.responses) {
      if (response.is2xx && response.message != null && !response.message.trim().isEmpty()) {
        op.vendorExtensions.put("x-dimo-return", response.message.trim());
        break;
      }
    }
    String deprecation = Deprecation.text(op.operationIdOriginal, Boolean.TRUE.equals(operation.getDeprecated()),
        operation.getExtensions() == null ? null : operation.getExtensions().get("x-dimo-upstream"));
    if (deprecation != null) {
      op.vendorExtensions.put("x-dimo-deprecated", deprecation);
    }
    boolean tags = deprecation != null || op.vendorExtensions.containsKey("x-dimo-return");
    for (CodegenParameter p : op.allParams) {
      tags |= p.unescapedDescription != null && !p.unescapedDescription.trim().isEmpty();
    }
    if (tags) {
      op.vendorExtensions.put("x-dimo-has-tags", true);
    }
    return op;
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    Set<String> imports = new TreeSet<>();
    Set<String> used = new TreeSet<>();
    imports.add("zone.dimo.sdk.spec.DimoCall");
    imports.add("zone.dimo.sdk.spec.DimoOperation");
    OperationMap operations = result.getOperations();
    for (CodegenOperation op : operations.getOperation()) {
      imports.add("retrofit2.http." + op.httpMethod.toUpperCase(Locale.ROOT));
      if (op.isResponseFile) {
        imports.add("retrofit2.http.Streaming");
        imports.add("okhttp3.ResponseBody");
      }
      boolean multipart = false;
      for (CodegenParameter p : op.allParams) {
        if (p.isPathParam) {
          imports.add("retrofit2.http.Path");
        } else if (p.isQueryParam) {
          imports.add("retrofit2.http.Query");
        } else if (p.isHeaderParam) {
          imports.add("retrofit2.http.Header");
        } else if (p.isBodyParam) {
          imports.add("retrofit2.http.Body");
        } else if (p.isFormParam) {
          multipart |= op.isMultipart;
          imports.add(op.isMultipart ? "retrofit2.http.Part" : "retrofit2.http.Field");
          if (p.isFile) {
            imports.add("okhttp3.MultipartBody");
          }
        }
        if (!p.required) {
          imports.add(NULLABLE);
        }
        if (p.vendorExtensions.containsKey("x-dimo-serial")) {
          imports.add("zone.dimo.sdk.spec.DimoSerial");
        }
        addTypeImports(imports, p.dataType);
        addIdentifiers(used, p.dataType);
      }
      if (!op.formParams.isEmpty()) {
        imports.add(multipart ? "retrofit2.http.Multipart" : "retrofit2.http.FormUrlEncoded");
      }
      if (op.returnType != null) {
        addTypeImports(imports, op.returnType);
        addIdentifiers(used, op.returnType);
      }
    }
    // models the signatures name; the stock list also has error-response models no method uses
    for (Map<String, String> existing : result.getImports()) {
      String name = existing.get("import");
      if (name != null && name.startsWith(modelPackage + ".")
          && used.contains(name.substring(modelPackage.length() + 1))) {
        imports.add(name);
      }
    }
    result.setImports(asImports(imports));
    return result;
  }

  @Override
  public ModelsMap postProcessModels(ModelsMap objs) {
    ModelsMap result = super.postProcessModels(objs);
    Set<String> imports = new TreeSet<>();
    for (ModelMap modelMap : result.getModels()) {
      CodegenModel model = modelMap.getModel();
      imports.add("java.util.Objects");
      imports.add(NULLABLE);
      if (model.isEnum) {
        if (!"String".equals(model.dataType)) {
          throw new IllegalStateException("Schema " + model.name + ": only string enums are supported, not "
              + model.dataType);
        }
        imports.add("com.squareup.moshi.JsonAdapter");
        imports.add("com.squareup.moshi.JsonClass");
        imports.add("com.squareup.moshi.JsonReader");
        imports.add("com.squareup.moshi.JsonWriter");
        imports.add("java.io.IOException");
        imports.add("java.util.Arrays");
        imports.add("java.util.Collections");
        imports.add("java.util.List");
      } else {
        if (model.parent != null || model.hasChildren || (model.oneOf != null && !model.oneOf.isEmpty())
            || (model.anyOf != null && !model.anyOf.isEmpty())) {
          throw new IllegalStateException("Schema " + model.name
              + ": inheritance and oneOf/anyOf models are not supported by the templates");
        }
        if (!model.vars.isEmpty()) {
          imports.add("com.squareup.moshi.Json");
        }
        List<String> secrets = new ArrayList<>();
        for (CodegenProperty var : model.vars) {
          checkProperty(model, var);
          if (Boolean.TRUE.equals(var.vendorExtensions.get("x-dimo-secret"))) {
            secrets.add("{@code " + var.name + "}");
          }
          if (var.required) {
            model.vendorExtensions.put("x-dimo-has-required", true);
          }
          addTypeImports(imports, var.datatypeWithEnum);
          if (var.isArray) {
            imports.add("java.util.ArrayList");
            imports.add("java.util.Collections");
            var.vendorExtensions.put("x-dimo-copy", "new ArrayList<>(builder." + var.name + ")");
            var.vendorExtensions.put("x-dimo-view", "Collections.unmodifiableList(" + var.name + ")");
          } else if (var.isMap) {
            imports.add("java.util.LinkedHashMap");
            imports.add("java.util.Collections");
            var.vendorExtensions.put("x-dimo-copy", "new LinkedHashMap<>(builder." + var.name + ")");
            var.vendorExtensions.put("x-dimo-view", "Collections.unmodifiableMap(" + var.name + ")");
          }
        }
        if (!secrets.isEmpty()) {
          model.vendorExtensions.put("x-dimo-has-secrets", true);
          model.vendorExtensions.put("x-dimo-secret-names", String.join(", ", secrets));
        }
      }
    }
    // replaces the stock list (which names types the templates do not use)
    result.setImports(asImports(imports));
    return result;
  }

  private static void checkProperty(CodegenModel model, CodegenProperty var) {
    if (var.isEnum || (var.items != null && var.items.isEnum)) {
      throw new IllegalStateException("Schema " + model.name + ", property " + var.baseName
          + ": inline enums are not supported; define the enum as a schema and $ref it");
    }
    if (MODEL_METHODS.contains(var.name)) {
      throw new IllegalStateException("Schema " + model.name + ", property " + var.baseName
          + ": its accessor " + var.name + "() would clash with a method every model has");
    }
    Object secret = var.vendorExtensions.get("x-dimo-secret");
    if (secret != null && !(secret instanceof Boolean)) {
      throw new IllegalStateException("Schema " + model.name + ", property " + var.baseName
          + ": x-dimo-secret must be true or false, not " + secret);
    }
  }

  private void addTypeImports(Set<String> imports, String type) {
    if (type == null) {
      return;
    }
    Matcher m = IDENTIFIER.matcher(type);
    while (m.find()) {
      String jdk = JDK_TYPES.get(m.group());
      if (jdk != null) {
        imports.add(jdk);
      }
    }
  }

  private static void addIdentifiers(Set<String> identifiers, String type) {
    if (type != null) {
      Matcher m = IDENTIFIER.matcher(type);
      while (m.find()) {
        identifiers.add(m.group());
      }
    }
  }

  private static List<Map<String, String>> asImports(Set<String> names) {
    List<Map<String, String>> list = new ArrayList<>();
    for (String name : names) {
      list.add(Map.of("import", Objects.requireNonNull(name)));
    }
    return list;
  }
}
