package dev.titanj.spring.boot;

import dev.titanj.core.spi.TitanModule;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Registers a bean per installed module's entry point: the class beside its {@code TitanModule}
 * ({@code dev.titanj.crm.CrmModule} -> {@code dev.titanj.crm.Crm}), built by its static
 * {@code of(ServiceTitan)} with the context's client. Skips a module whose entry point is not
 * loadable and a type the application already defines a bean of.
 */
final class ModuleEntryPoints implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware {
  private ClassLoader classLoader = ModuleEntryPoints.class.getClassLoader();

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    Iterator<TitanModule> modules = ServiceLoader.load(TitanModule.class, classLoader).iterator();
    while (true) {
      TitanModule module;
      try {
        if (!modules.hasNext()) {
          break;
        }
        module = modules.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        continue; // a module that cannot load is not installed
      }
      String moduleClass = module.getClass().getName();
      if (!moduleClass.endsWith("Module")) {
        continue;
      }
      Class<?> entry;
      try {
        entry = ClassUtils.forName(moduleClass.substring(0, moduleClass.length() - 6), classLoader);
        entry.getMethod("of", dev.titanj.core.ServiceTitan.class);
      } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
        continue;
      }
      if (registry instanceof ListableBeanFactory beans
          && beans.getBeanNamesForType(entry, true, false).length > 0) {
        continue;
      }
      RootBeanDefinition bean = new RootBeanDefinition(entry);
      bean.setFactoryMethodName("of");
      bean.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
      registry.registerBeanDefinition("titanj" + entry.getSimpleName(), bean);
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}
